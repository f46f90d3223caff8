// The extension's Node entry (package.json `main`, dist/extension.js): the language server runs as a Node
// process (dist/server.js) over IPC. browserExtension.ts is the web entry.
import type * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateWith } from './extension';
import { clientOptions } from './languageClient';

export { deactivate } from './extension';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateWith(context, (output) => {
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const client: LanguageClient = new LanguageClient('nesy', 'NeSy Studio', serverOptions, clientOptions(context, output, () => client, ['file', 'untitled']));
    return client;
  });
}
