// What every command needs from the extension: the running client, the log and the status bar.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { ProviderStatus } from '../statusBar';

export interface CommandContext {
  readonly client: BaseLanguageClient;
  readonly output: vscode.OutputChannel;
  readonly status: ProviderStatus;
  /** The extension's folder (the webview pages in its dist/). */
  readonly extensionUri: vscode.Uri;
  /** A folder of the extension's own for files it writes (the predictions report's violation maps). */
  readonly storage: vscode.Uri;
}

/** Turns a failed request into one readable line for the user and the full story for the log. */
export function reportFailure(context: CommandContext, what: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  context.output.appendLine(`${what} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
  void vscode.window.showErrorMessage(`NeSy: ${what} failed: ${message}`);
}

/**
 * Sends a request with a cancellable progress notification. Resolves to undefined when the user cancelled
 * or the request failed (the failure is reported), so callers only handle the answer.
 */
export async function requestWithProgress<R>(context: CommandContext, what: string, title: string, method: string, params: object): Promise<R | undefined> {
  let cancelled = false;
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (_progress, token) => {
        token.onCancellationRequested(() => (cancelled = true));
        return context.client.sendRequest<R>(method, params, token);
      },
    );
  } catch (error) {
    if (!cancelled) reportFailure(context, what, error);
    return undefined;
  } finally {
    void context.status.refresh();
  }
}
