// The extension's web entry (package.json `browser`, dist/web/extension.js), for VS Code for the web: the
// language server runs in a web worker (dist/web/server.js) and reads files through this side
// (webFiles.ts), since a browser has no disk.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith } from './extension';
import { clientOptions } from './languageClient';
import { serveFiles } from './webFiles';

export { deactivate } from './extension';

// The worker's constructor, from the extension host's global scope (the project compiles without the DOM's types).
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateWith(context, (output) => {
    const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js').toString(true));
    const client: LanguageClient = new LanguageClient('nesy', 'NeSy Studio', clientOptions(context, output, () => client), worker);
    context.subscriptions.push(...serveFiles(client, context.extensionUri));
    return client;
  });
}
