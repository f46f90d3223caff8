// Files a document refers to (hierarchy imports) are read from the editor's copy when open, otherwise
// from disk, and only from inside the workspace folders: a document must not make the server read
// arbitrary files on the machine.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Larger files are refused rather than stalling analysis. */
const maxFileBytes = 8 * 1024 * 1024;

export class WorkspaceFiles {
  private folders: Promise<string[]> = Promise.resolve([]);

  constructor(
    private readonly openText: (uri: string) => string | undefined,
    private readonly log: (message: string) => void,
  ) {}

  setFolders(uris: string[]): void {
    this.folders = Promise.all(
      uris.flatMap((uri) => {
        const p = filePath(uri);
        return p ? [fs.realpath(p).catch(() => path.resolve(p))] : [];
      }),
    );
  }

  async read(uri: string): Promise<string | undefined> {
    const open = this.openText(uri);
    if (open !== undefined) return open;
    const p = filePath(uri);
    if (!p) return undefined;
    let real: string;
    try {
      real = await fs.realpath(p);
    } catch {
      return undefined;
    }
    const folders = await this.folders;
    if (!folders.some((folder) => isInside(real, folder))) {
      this.log(`Not reading ${uri}: it is outside the workspace folders.`);
      return undefined;
    }
    try {
      const stat = await fs.stat(real);
      if (!stat.isFile()) return undefined;
      if (stat.size > maxFileBytes) {
        this.log(`Not reading ${uri}: it is larger than ${maxFileBytes / (1024 * 1024)} MiB.`);
        return undefined;
      }
      return await fs.readFile(real, 'utf8');
    } catch (err) {
      this.log(`Could not read ${uri}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }
}

function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
