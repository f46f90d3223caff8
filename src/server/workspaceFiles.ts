// Files a document refers to (hierarchy imports) are read from the editor's copy when open, otherwise
// through the host's file system (Node's fs, or the editor's vscode.workspace.fs in the browser), and only
// from inside the workspace folders: a document must not make the server read arbitrary files on the machine.
import type { HostFiles } from '../core/language';
import { insideUri, URI } from '../core/uris';

/** Larger files are refused rather than stalling analysis. */
const maxFileBytes = 8 * 1024 * 1024;

export class WorkspaceFiles {
  private folderUris: string[] = [];
  private folders: Promise<URI[]> = Promise.resolve([]);

  constructor(
    private readonly files: HostFiles,
    private readonly openText: (uri: string) => string | undefined,
    private readonly log: (message: string) => void,
  ) {}

  setFolders(uris: string[]): void {
    this.folderUris = uris;
    this.folders = Promise.all(
      uris.map(async (uri) => {
        const stat = await this.files.stat(uri).catch(() => undefined);
        return URI.parse(stat && 'realUri' in stat ? stat.realUri : uri);
      }),
    );
  }

  /** HostFiles for languages: the host's, with the workspace folders as import roots. */
  hostFiles(): HostFiles {
    return { stat: (uri) => this.files.stat(uri), readText: (uri) => this.files.readText(uri), folders: () => this.folderUris };
  }

  async read(uri: string): Promise<string | undefined> {
    const open = this.openText(uri);
    if (open !== undefined) return open;
    const stat = await this.files.stat(uri).catch(() => undefined);
    if (!stat || stat.kind === 'missing' || stat.kind === 'loop') return undefined;
    const real = URI.parse(stat.realUri);
    const folders = await this.folders;
    if (!folders.some((folder) => insideUri(folder, real) && folder.path !== real.path)) {
      this.log(`Not reading ${uri}: it is outside the workspace folders.`);
      return undefined;
    }
    if (stat.kind !== 'file') return undefined;
    if (stat.size > maxFileBytes) {
      this.log(`Not reading ${uri}: it is larger than ${maxFileBytes / (1024 * 1024)} MiB.`);
      return undefined;
    }
    try {
      return await this.files.readText(stat.realUri);
    } catch (err) {
      this.log(`Could not read ${uri}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }
}
