// The score files a `nesy check-predictions` run reads: each argument is a file, a directory (every score
// file under it, recursively, by relative path) or a glob (`*` and `?` within a path segment, `**` across
// segments) for shells that do not expand it, or when it is quoted. The order is the order of the
// arguments, each expanded in sorted order: the order of a "concatenated" run, of sample numbers across
// files and of shards.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scoreFormatOf } from '../../languages/fol/scoreFiles';

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** How reports name it: relative to the directory or glob base it came from, or as given. */
  name: string;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full));
    else if (e.isFile() || e.isSymbolicLink()) out.push(full);
  }
  return out;
}

const byName = (a: InputFile, b: InputFile) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function globRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      // `**/` matches any number of directories, `**` at the end anything.
      if (pattern[i + 2] === '/') {
        re += '(?:.*/)?';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function isGlob(arg: string): boolean {
  return /[*?]/.test(arg);
}

/** Expands the arguments; throws a one-line error for one that matches nothing. */
export function expandInputs(args: string[], cwd = process.cwd()): InputFile[] {
  const out: InputFile[] = [];
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    if (isGlob(arg)) {
      const parts = full.split(path.sep);
      const firstGlob = parts.findIndex((p) => isGlob(p));
      const base = parts.slice(0, firstGlob).join(path.sep) || path.sep;
      const pattern = globRegExp(parts.slice(firstGlob).join('/'));
      const found = (fs.existsSync(base) ? walk(base) : [])
        .map((f) => ({ path: f, name: path.relative(base, f).split(path.sep).join('/') }))
        .filter((f) => pattern.test(f.name) && scoreFormatOf(f.path))
        .sort(byName);
      if (found.length === 0) throw new Error(`${arg} matches no score file.`);
      out.push(...found);
    } else if (fs.existsSync(full) && fs.statSync(full).isDirectory()) {
      const found = walk(full)
        .filter((f) => scoreFormatOf(f))
        .map((f) => ({ path: f, name: path.relative(full, f).split(path.sep).join('/') }))
        .sort(byName);
      if (found.length === 0) throw new Error(`${arg} holds no score file (.json, .npy, .npz, .safetensors, .parquet, .arrow).`);
      out.push(...found);
    } else {
      out.push({ path: full, name: arg });
    }
  }
  return out;
}
