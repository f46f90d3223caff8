// The web extension's answers to the web worker server's file requests (ClientRequests): workspace files
// through vscode.workspace.fs (disk, github.dev's virtual files, anything the editor mounts), and the
// extension's own model and WebAssembly files, read from its install folder, never from the network.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { FileStat } from '../core/language';
import { ClientRequests } from '../core/protocol';

/** The extension folders the server may read whole: its models and its web bundle's WebAssembly. */
const extensionFolders = /^(models\/[\w-]+|dist\/web)$/;

export function serveFiles(client: BaseLanguageClient, extensionUri: vscode.Uri): vscode.Disposable[] {
  return [
    client.onRequest(ClientRequests.stat, async ({ uri }: { uri: string }): Promise<FileStat> => {
      try {
        const s = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
        const kind = s.type & vscode.FileType.File ? 'file' : s.type & vscode.FileType.Directory ? 'directory' : 'other';
        // The editor's file system resolves links itself and does not say where they lead.
        return { kind, size: s.size, realUri: uri };
      } catch {
        return { kind: 'missing' };
      }
    }),
    client.onRequest(ClientRequests.readText, async ({ uri }: { uri: string }) =>
      new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri))),
    ),
    client.onRequest(ClientRequests.extensionFiles, async ({ folder, extensions }: { folder: string; extensions: string[] }) => {
      if (!extensionFolders.test(folder)) throw new Error(`The server may not read the extension's ${folder}.`);
      const dir = vscode.Uri.joinPath(extensionUri, folder);
      const names = (await vscode.workspace.fs.readDirectory(dir))
        .filter(([name, type]) => type === vscode.FileType.File && extensions.some((e) => name.endsWith(e)))
        .map(([name]) => name);
      const files: Record<string, Uint8Array> = {};
      await Promise.all(names.map(async (name) => (files[name] = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name)))));
      return files;
    }),
  ];
}
