// HostFiles on Node's file system, for the Node language server, the CLI and tests. Links are followed
// (realpath) so that callers can refuse files that a link inside the project takes outside it.
import * as fs from 'node:fs/promises';
import type { FileStat, HostFiles } from './language';
import { URI } from './uris';

export const nodeFiles: HostFiles = {
  async stat(uri: string): Promise<FileStat> {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return { kind: 'missing' };
    let real: string;
    try {
      real = await fs.realpath(parsed.fsPath);
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ELOOP' ? { kind: 'loop' } : { kind: 'missing' };
    }
    try {
      const s = await fs.stat(real);
      return { kind: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', size: s.size, realUri: URI.file(real).toString() };
    } catch {
      return { kind: 'missing' };
    }
  },
  async readText(uri: string): Promise<string> {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') throw new Error(`${uri} is not a file on disk.`);
    return fs.readFile(parsed.fsPath, 'utf8');
  },
};
