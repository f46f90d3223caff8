// URI arithmetic that works on every host: file: URIs on disk, and the editor's virtual ones in the browser
// (github.dev's vscode-vfs:, untitled:). vscode-uri does the parsing and path joining the way VS Code does.
import { URI, Utils } from 'vscode-uri';

export { URI, Utils };

/** Whether `target` is `root` itself or lies under it (same scheme and authority; paths already normalised). */
export function insideUri(root: URI, target: URI): boolean {
  if (root.scheme !== target.scheme || root.authority !== target.authority) return false;
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return target.path === root.path || target.path.startsWith(base);
}

/** A URI as a person reads it: the file path for file: URIs, else the URI. */
export function shownUri(uri: URI): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}
