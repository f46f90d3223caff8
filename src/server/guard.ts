// Every handler runs inside a guard: an exception is logged and answered, never allowed to take the
// server down. Language features answer their empty value, so the editor simply shows nothing;
// requests whose caller must learn why (nesy/*, commands) answer a ResponseError.
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { describe } from './analyses';

type Log = (message: string) => void;

function cancelled(name: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} was cancelled.`);
}

/** Runs a handler so that a failure is logged and answered with `answer(error)`. */
function guarded<P, R, E>(
  log: Log,
  name: string,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
  answer: (error: unknown) => E,
): (params: P, token: CancellationToken) => Promise<R | E | ResponseError<void>> {
  return async (params, token) => {
    try {
      const result = await handler(params, token);
      return token.isCancellationRequested ? cancelled(name) : result;
    } catch (error) {
      if (error instanceof ResponseError) return error;
      if (token.isCancellationRequested) return cancelled(name);
      log(`${name} failed: ${describe(error)}`);
      return answer(error);
    }
  };
}

export function guardFeature<P, R, E>(
  log: Log,
  name: string,
  empty: E,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | E | ResponseError<void>> {
  return guarded(log, name, handler, () => empty);
}

export function guardRequest<P, R>(
  log: Log,
  name: string,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
  return guarded(
    log,
    name,
    handler,
    (error) => new ResponseError<void>(ErrorCodes.InternalError, `${name} failed: ${error instanceof Error ? error.message : String(error)}`),
  );
}

export function guardNotification<P>(log: Log, name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      const result = handler(params);
      if (result) result.catch((error: unknown) => log(`${name} failed: ${describe(error)}`));
    } catch (error) {
      log(`${name} failed: ${describe(error)}`);
    }
  };
}

/**
 * Registers a nesy/* request by name. vscode-jsonrpc spreads a request's params into the handler's
 * arguments (none at all when the params are omitted, one per element when they come by position)
 * and appends the token, so the token is the last argument and the params are whatever precedes it.
 * The handler sees `undefined` for omitted params and an array for several positional ones, and
 * validates them like any other malformed params.
 */
export function onCustomRequest<R>(
  connection: Connection,
  log: Log,
  method: string,
  handler: (params: unknown, token: CancellationToken) => R | Promise<R>,
): void {
  const guarded = guardRequest(log, method, handler);
  connection.onRequest(method, (...args: unknown[]) => {
    const token = args[args.length - 1] as CancellationToken;
    const params = args.length <= 1 ? undefined : args.length === 2 ? args[0] : args.slice(0, -1);
    return guarded(params, token);
  });
}
