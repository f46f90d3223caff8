// Asynchronous work done once per key and shared by every caller: callers that ask while it runs, or after it
// succeeded, get the same promise. Work that fails is forgotten, so the next caller starts it again (a fetch that
// failed, a build that did not load).

export function sharedWork<K, V>(start: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const started = new Map<K, Promise<V>>();
  return (key) => {
    let pending = started.get(key);
    if (!pending) {
      pending = start(key);
      started.set(key, pending);
      pending.catch(() => started.delete(key));
    }
    return pending;
  };
}
