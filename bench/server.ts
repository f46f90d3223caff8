// Starts the real language server (dist/server.js) with the test suite's protocol client, and finds
// its process id so its memory and CPU time can be read from /proc.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspClient, type LspOptions } from '../test/helpers/lspClient';
import { mkdirp, type BenchOptions } from './util';

export interface BenchServer {
  lsp: LspClient;
  pid: number;
  dispose(): void;
}

/** Every option that would otherwise default to the repository checkout is given, so this works from the CLI bundle too. */
export async function startServer(o: BenchOptions, workspaceFolder: string, extra: Partial<LspOptions> = {}): Promise<BenchServer> {
  const serverJs = path.join(o.root, 'dist', 'server.js');
  if (!fs.existsSync(serverJs)) throw new Error(`${serverJs} is missing: run \`npm run build\` first`);
  const before = new Set(childPids());
  const lsp = new LspClient({ args: [serverJs, '--stdio'], cwd: o.root, workspaceFolder: mkdirp(workspaceFolder), timeoutMs: 120_000, ...extra });
  await lsp.initialize();
  const pid = childPids().find((p) => !before.has(p) && cmdline(p).includes('server.js'));
  if (pid === undefined) {
    lsp.dispose();
    throw new Error('cannot find the language server process');
  }
  return { lsp, pid, dispose: () => lsp.dispose() };
}

/** Ids of this process's children, from /proc. */
export function childPids(): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; fields after the last ')' are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) out.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** User plus system CPU time a process has used, in ms. */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat, counted from the state field (3) here, in clock
  // ticks of 1/100 s (USER_HZ, 100 on Linux for every architecture Node supports).
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}
