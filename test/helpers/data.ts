// Where the shared data lives. NESY_DATA overrides the default ../shared/data next to the repository.
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as os from 'node:os';

export const repoRoot = path.resolve(__dirname, '..', '..');

export function sharedDataDir(): string {
  return process.env.NESY_DATA ?? path.resolve(repoRoot, '..', 'shared', 'data');
}

export function hasSharedData(): boolean {
  return fs.existsSync(sharedDataDir());
}

/** `use(file)` for a file NAME holding `text`, in a fresh temporary folder that is removed afterwards. */
export function withTempFile<T>(name: string, text: string, use: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-'));
  try {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return use(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
