// The language server as an operating-system process, so that a test can kill it the way a crash or the
// out-of-memory killer would: from outside, with no hook in the extension.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { waitFor } from './helpers';

/**
 * The pids of the NeSy language servers this extension host runs. The extension (nodeExtension.ts) forks
 * dist/server.js with `--clientProcessId=<its own pid>`, and the tests run in that same process.
 */
export function serverPids(): number[] {
  const mine = `--clientProcessId=${process.pid}`;
  const isOurs = (args: string[]) => args.includes(mine) && args.some((a) => /[\\/]dist[\\/]server\.js$/.test(a));
  if (process.platform === 'linux') {
    return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((pid) => {
      try {
        return isOurs(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')) ? [Number(pid)] : [];
      } catch {
        return []; // it ended while we looked
      }
    });
  }
  // macOS: the command line as ps prints it (paths with spaces would split, which the test paths avoid).
  return execFileSync('ps', ['-A', '-o', 'pid=,command='], { encoding: 'utf8' }).split('\n').flatMap((line) => {
    const [pid, ...args] = line.trim().split(/\s+/);
    return pid && isOurs(args) ? [Number(pid)] : [];
  });
}

/** Waits for exactly one running server whose pid is not `old`, and returns its pid. */
export function newServer(old?: number): Promise<number> {
  return waitFor(`a language server process other than ${old ?? 'none'}`, () => {
    const pids = serverPids();
    return pids.length === 1 && pids[0] !== old ? pids[0] : undefined;
  }, 60_000);
}

/**
 * Freezes the server as a long computation on its only thread would (SIGSTOP): it answers nothing, the shutdown
 * request included, until it is killed.
 */
export function hang(pid: number): void {
  process.kill(pid, 'SIGSTOP');
}

/** Kills the server as a crash would (SIGKILL: no shutdown, no exit notification). */
export function crash(pid: number): void {
  process.kill(pid, 'SIGKILL');
}
