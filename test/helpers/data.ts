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

/** A problem of InterMWP's labelled valid.json, with the fields the tests read. */
export interface InterMwpProblem {
  id: string;
  original_text: string;
  nums: string;
  output_prefix: string;
}

/** The 1,000 labelled InterMWP problems, from the shared data. */
export function interMwpValid(): InterMwpProblem[] {
  return JSON.parse(fs.readFileSync(path.join(sharedDataDir(), 'intermwp', 'valid.json'), 'utf8')) as InterMwpProblem[];
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
