// The extension's web entry (package.json `browser`, dist/web/extension.js), for VS Code for the web: the
// language server runs in a web worker (dist/web/server.js) and reads files through this side
// (webFiles.ts), since a browser has no disk.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith } from './extension';
import { clientOptions } from './languageClient';
import { serveFiles } from './webFiles';

export { deactivate } from './extension';

// The web worker extension host's globals (the project compiles without the DOM's types).
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

/**
 * The server's worker, started from the script's bytes (a blob: URL) rather than from its URI: the extension's
 * files may sit at a URI no worker can start from (a vscode-remote: one where the workbench is served by a
 * remote, as code-server's is: "Creating workers from remote extensions is currently not supported"), while the
 * editor's file system reads them wherever they are.
 */
async function serverWorker(extensionUri: vscode.Uri): Promise<InstanceType<typeof Worker>> {
  const script = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist/web/server.js'));
  return new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })));
}

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateWith(context, async (output) => {
    const worker = await serverWorker(context.extensionUri);
    const client: LanguageClient = new LanguageClient('nesy', 'NeSy Studio', clientOptions(context, output, () => client), worker);
    context.subscriptions.push(...serveFiles(client, context.extensionUri));
    return client;
  });
}
