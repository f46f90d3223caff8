// What the Node and the web extension share about their language client: its options (documents, settings,
// file events, trust, crash policy) and restarting it. nodeExtension.ts starts the server (dist/server.js)
// over IPC; browserExtension.ts starts dist/web/server.js in a web worker.
import * as vscode from 'vscode';
import { type BaseLanguageClient, CloseAction, type CloseHandlerResult, ErrorAction, type ErrorHandler, type ErrorHandlerResult, type LanguageClientOptions } from 'vscode-languageclient';
import { languageIds } from './languages';

/** What the server is told at start-up; it is re-read on every (re)start so that granted trust takes effect. */
export interface InitializationOptions {
  /** false in untrusted workspaces: the server then loads no neural models. */
  trusted: boolean;
}

/**
 * The client's options. `schemes`: the document schemes served; the Node server reads files on disk and
 * untitled ones, the web server any scheme the editor has (github.dev's vscode-vfs:, for one).
 */
export function clientOptions(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  client: () => BaseLanguageClient,
  schemes?: readonly string[],
): LanguageClientOptions {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{fol,json}');
  context.subscriptions.push(watcher);
  return {
    documentSelector: languageIds.flatMap((language) => (schemes ? schemes.map((scheme) => ({ scheme, language })) : [{ language }])),
    synchronize: {
      configurationSection: 'nesy',
      // Hierarchy JSON (and .fol files) that an open .fol document imports may change on disk, from git
      // or a training script; the server re-validates the documents that read them.
      fileEvents: watcher,
    },
    initializationOptions: (): InitializationOptions => ({ trusted: vscode.workspace.isTrusted }),
    outputChannel: output,
    errorHandler: announcingRestarts(() => client().createDefaultErrorHandler()),
  };
}

/** Logged (output channel) when the server died and is started again. */
const restartingMessage =
  'The NeSy language server stopped unexpectedly; restarting it (VS Code gives up after 5 crashes in 3 minutes).';
/** Shown as an error notification, and logged, when the library's policy gives up. */
const gaveUpMessage =
  'NeSy: the language server crashed 5 times in 3 minutes and will not be restarted. Run "NeSy: Restart Language Server" to start it again.';

/**
 * vscode-languageclient's own crash policy (a crashed server is restarted; the 5th crash within 3 minutes
 * stops it) with our messages in place of the library's: the library logs a restart's message in the output
 * channel and shows a give-up's message as an error notification, so the user reads in one line how to get
 * the server back.
 */
function announcingRestarts(createDefault: () => ErrorHandler): ErrorHandler {
  let policy: ErrorHandler | undefined;
  const current = () => (policy ??= createDefault());
  return {
    // A server killed while the client writes to it fails each write ("write EPIPE"); the library's handler shuts the
    // client down after three such errors, and a shut-down client is not restarted, so a crash at a busy moment left
    // no server (seen in CI: the crash after a restart, while models loaded). The process's exit reaches closed(),
    // which applies the restart policy; until then the errors are the crash's echo.
    error: (error, message, count): ErrorHandlerResult | Promise<ErrorHandlerResult> =>
      /EPIPE|ECONNRESET|ERR_STREAM_DESTROYED/.test(`${error.message} ${(error as NodeJS.ErrnoException).code ?? ''}`) ? { action: ErrorAction.Continue } : current().error(error, message, count),
    async closed(): Promise<CloseHandlerResult> {
      const result = await current().closed();
      if (result.action === CloseAction.Restart) return { ...result, message: restartingMessage };
      // After giving up the server runs again only when the user starts it, so its crashes count afresh:
      // the library's history would otherwise stop it at its next crash within the same 3 minutes.
      policy = undefined;
      return { ...result, message: gaveUpMessage };
    },
  };
}

/**
 * Restarts a running server, or starts one that failed to start or gave up after crashing. A server too busy to
 * answer the shutdown request within the library's 2 s is the one most in need of a restart: the library logs
 * the timeout, leaves the client stopped and (Node) ends the process, so the restart goes on with a new one.
 */
export async function restartServer(client: BaseLanguageClient): Promise<void> {
  // BaseLanguageClient (the Node and the browser client's common class) has no restart(); this is what the Node one
  // does, except that it gives up when stopping fails.
  if (client.isRunning()) await client.stop().catch(() => undefined); // logged by the library: "Stopping server timed out"
  await client.start();
}
