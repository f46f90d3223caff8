// What both extension entries run (nodeExtension.ts, browserExtension.ts): one language client for
// .tl/.fol/.mwp, the NeSy commands and the status bar item; each entry says how its client reaches the server.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { CommandContext } from './commands/context';
import { registerCommands } from './commands/index';
import { restartServer } from './commands/serverControl';
import { ProviderStatus } from './statusBar';

let client: BaseLanguageClient | undefined;

export async function activateWith(context: vscode.ExtensionContext, createClient: (output: vscode.OutputChannel) => BaseLanguageClient | Promise<BaseLanguageClient>): Promise<void> {
  const output = vscode.window.createOutputChannel('NeSy Studio');
  client = await createClient(output);
  const status = new ProviderStatus(client, output);
  const commandContext: CommandContext = { client, output, status, extensionUri: context.extensionUri, storage: context.globalStorageUri };
  context.subscriptions.push(
    output,
    status,
    ...registerCommands(commandContext),
    // The server decides at start-up whether it may load models, so granted trust needs a restart.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      output.appendLine('Workspace trusted: restarting the language server so that neural models may load.');
      void restartServer(commandContext);
    }),
  );
  try {
    await client.start();
  } catch (error) {
    output.appendLine(`The NeSy language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
    void vscode.window
      .showErrorMessage('NeSy: the language server failed to start. See the NeSy Studio output.', 'Show Output')
      .then((choice) => choice && output.show());
  }
  await status.refresh();
}

export async function deactivate(): Promise<void> {
  if (client?.isRunning()) await client.stop();
  client = undefined;
}
