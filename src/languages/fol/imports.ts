// Resolves `hierarchy NAME from "path.json"` relative to the document and reads it safely:
// only .json files, inside the project folder tree, no symbolic-link loops or links out, and at most
// maxImportBytes. Everything goes through the host's file system by URI (Host.files), so the same rules
// hold on disk (Node) and in the browser, where the editor's file system serves github.dev's files.
import type { Host, HostFiles } from '../../core/language';
import { insideUri, shownUri, URI, Utils } from '../../core/uris';

export const maxImportBytes = 1024 * 1024;

export type ImportRead = { ok: true; uri: string; text: string } | { ok: false; message: string };

const projectMarkers = ['.git', 'package.json', '.vscode', '.nesyroot'];

/**
 * The folder tree an import may reach: the nearest ancestor holding a project marker or being a workspace
 * folder, else the document's folder.
 */
export async function importRoot(docDir: URI, files: HostFiles): Promise<URI> {
  const folders = (files.folders?.() ?? []).map((f) => URI.parse(f));
  for (let dir = docDir; ; dir = Utils.dirname(dir)) {
    if (folders.some((f) => insideUri(f, dir) && insideUri(dir, f))) return dir;
    const marks = await Promise.all(projectMarkers.map((m) => files.stat(Utils.joinPath(dir, m).toString())));
    if (marks.some((s) => s.kind !== 'missing')) return dir;
    if (Utils.dirname(dir).path === dir.path) return docDir;
  }
}

export async function readImport(documentUri: string, relPath: string, host: Host): Promise<ImportRead> {
  const doc = URI.parse(documentUri);
  const files = host.files;
  if (doc.scheme === 'untitled') return { ok: false, message: `Cannot resolve '${relPath}' for a document that is not saved.` };
  if (!files) return { ok: false, message: `Cannot resolve '${relPath}': this host reads no files.` };
  // A lone UTF-16 surrogate names no file, and a URI cannot hold it (encodeURIComponent throws).
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(relPath)) {
    return { ok: false, message: `'${relPath}' is not a valid file name: it holds a lone UTF-16 surrogate.` };
  }
  const docDir = Utils.dirname(doc);
  // On Windows (a drive letter in the document's path) a backslash separates folders, as Node's path.resolve read it.
  const target = Utils.resolvePath(docDir, /^\/[a-zA-Z]:\//.test(doc.path) ? relPath.replace(/\\/g, '/') : relPath);
  if (Utils.extname(target).toLowerCase() !== '.json') return { ok: false, message: `Hierarchy imports must be .json files; '${relPath}' is not.` };
  const root = await importRoot(docDir, files);
  if (!insideUri(root, target)) return { ok: false, message: `'${relPath}' lies outside the project folder '${shownUri(root)}'; imports may not leave it.` };
  const stat = await files.stat(target.toString());
  if (stat.kind === 'loop') return { ok: false, message: `'${relPath}' is a symbolic link loop.` };
  if (stat.kind === 'missing') return { ok: false, message: `Hierarchy file '${relPath}' was not found (looked for ${shownUri(target)}).` };
  const rootStat = await files.stat(root.toString());
  const realRoot = URI.parse(rootStat.kind === 'directory' ? rootStat.realUri : root.toString());
  const real = URI.parse(stat.realUri);
  if (!insideUri(realRoot, real)) return { ok: false, message: `'${relPath}' links to '${shownUri(real)}', outside the project folder; imports may not leave it.` };
  if (stat.kind !== 'file') return { ok: false, message: `'${relPath}' is not a file.` };
  if (stat.size > maxImportBytes) return { ok: false, message: `'${relPath}' is ${stat.size} bytes; hierarchy files may be at most ${maxImportBytes} bytes.` };
  const uri = target.toString();
  let text: string | undefined;
  try {
    text = host.readFile ? await host.readFile(uri) : await files.readText(stat.realUri);
  } catch {
    text = undefined;
  }
  if (text === undefined) return { ok: false, message: `Hierarchy file '${relPath}' could not be read.` };
  return { ok: true, uri, text };
}
