// Starts the language server (dist/server.js) over IPC and keeps it running.
import * as vscode from 'vscode';
import {
  CloseAction,
  type CloseHandlerResult,
  type ErrorHandler,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { languageIds } from './languages';

/** What the server is told at start-up; it is re-read on every (re)start so that granted trust takes effect. */
export interface InitializationOptions {
  /** false in untrusted workspaces: the server then loads no neural models. */
  trusted: boolean;
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  let client: LanguageClient | undefined;
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{fol,json}');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: languageIds.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: {
      configurationSection: 'nesy',
      // Hierarchy JSON (and .fol files) that an open .fol document imports may change on disk, from git
      // or a training script; the server re-validates the documents that read them.
      fileEvents: watcher,
    },
    initializationOptions: (): InitializationOptions => ({ trusted: vscode.workspace.isTrusted }),
    outputChannel: output,
    // The library's own policy (5 crashes in 3 minutes, then give up), reported in the output channel.
    errorHandler: announcingRestarts(() => client!.createDefaultErrorHandler(), output),
  };
  client = new LanguageClient('nesy', 'NeSy Studio', serverOptions, clientOptions);
  return client;
}

function announcingRestarts(createDefault: () => ErrorHandler, output: vscode.OutputChannel): ErrorHandler {
  let fallback: ErrorHandler | undefined;
  const handler = () => (fallback ??= createDefault());
  return {
    error: (error, message, count) => handler().error(error, message, count),
    async closed(): Promise<CloseHandlerResult> {
      const result = await handler().closed();
      output.appendLine(
        result.action === CloseAction.Restart
          ? 'The NeSy language server stopped unexpectedly; restarting it (VS Code gives up after 5 crashes in 3 minutes).'
          : 'The NeSy language server crashed 5 times in 3 minutes and will not be restarted. Run "NeSy: Restart Language Server" once the cause is fixed.',
      );
      return result;
    },
  };
}

/** Restarts a running server, or starts one that failed to start or gave up after crashing. */
export async function restartServer(client: LanguageClient): Promise<void> {
  if (client.isRunning()) await client.restart();
  else await client.start();
}
