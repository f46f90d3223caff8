// Where the shared data lives. NESY_DATA overrides the default ../shared/data next to the repository.
import * as path from 'node:path';
import * as fs from 'node:fs';

export const repoRoot = path.resolve(__dirname, '..', '..');

export function sharedDataDir(): string {
  return process.env.NESY_DATA ?? path.resolve(repoRoot, '..', 'shared', 'data');
}

export function hasSharedData(): boolean {
  return fs.existsSync(sharedDataDir());
}
