// Resolves `hierarchy NAME from "path.json"` relative to the document and reads it safely:
// only .json files, inside the project folder tree, no symlink loops, and at most maxImportBytes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Host } from '../../core/language';

export const maxImportBytes = 1024 * 1024;

export type ImportRead = { ok: true; uri: string; text: string } | { ok: false; message: string };

/** The folder tree an import may reach: the nearest ancestor holding a project marker, else the document's folder. */
export function importRoot(docDir: string): string {
  for (let dir = docDir; ; dir = path.dirname(dir)) {
    if (['.git', 'package.json', '.vscode', '.nesyroot'].some((m) => fs.existsSync(path.join(dir, m)))) return dir;
    if (path.dirname(dir) === dir) return docDir;
  }
}

export async function readImport(documentUri: string, relPath: string, host: Host): Promise<ImportRead> {
  if (!documentUri.startsWith('file:')) return { ok: false, message: `Cannot resolve '${relPath}' for a document that is not saved on disk.` };
  const docPath = fileURLToPath(documentUri);
  const docDir = path.dirname(docPath);
  const target = path.resolve(docDir, relPath);
  if (path.extname(target).toLowerCase() !== '.json') return { ok: false, message: `Hierarchy imports must be .json files; '${relPath}' is not.` };
  const root = importRoot(docDir);
  if (!inside(root, target)) return { ok: false, message: `'${relPath}' lies outside the project folder '${root}'; imports may not leave it.` };
  let real: string;
  try {
    real = await fs.promises.realpath(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { ok: false, message: `'${relPath}' is a symbolic link loop.` };
    return { ok: false, message: `Hierarchy file '${relPath}' was not found (looked for ${target}).` };
  }
  const realRoot = await fs.promises.realpath(root).catch(() => root);
  if (!inside(realRoot, real)) return { ok: false, message: `'${relPath}' links to '${real}', outside the project folder; imports may not leave it.` };
  const uri = pathToFileURL(target).toString();
  const stat = await fs.promises.stat(real);
  if (!stat.isFile()) return { ok: false, message: `'${relPath}' is not a file.` };
  if (stat.size > maxImportBytes) return { ok: false, message: `'${relPath}' is ${stat.size} bytes; hierarchy files may be at most ${maxImportBytes} bytes.` };
  const text = host.readFile ? await host.readFile(uri) : await fs.promises.readFile(real, 'utf8');
  if (text === undefined) return { ok: false, message: `Hierarchy file '${relPath}' could not be read.` };
  return { ok: true, uri, text };
}

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
