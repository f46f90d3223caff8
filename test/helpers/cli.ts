// Runs the real `nesy` CLI (the built bundle) as a child process.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from './data';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function nesy(args: string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'nesy.js'), ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
