// The status bar item that says which execution provider runs the neural models, e.g. "NeSy: cpu".
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Commands, Requests } from '../core/protocol';

/** The server's answer to nesy/status. */
export interface ServerStatus {
  /** false when neural features are off (untrusted workspace, no models); `reason` says why. */
  available: boolean;
  reason?: string;
  /** The execution provider of the loaded models; null until a model has loaded. */
  ep: string | null;
  note?: string;
}

export class ProviderStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('nesy.status', vscode.StatusBarAlignment.Right, 100);

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly output: vscode.OutputChannel,
  ) {
    this.item.name = 'NeSy Studio';
    this.item.command = Commands.showOutput;
    this.show('NeSy', 'Starting the NeSy language server.');
    this.item.show();
  }

  /** Asks the server which execution provider it uses. */
  async refresh(): Promise<void> {
    if (!this.client.isRunning()) {
      this.show('NeSy: stopped', 'The NeSy language server is not running.');
      return;
    }
    try {
      const status = await this.client.sendRequest<ServerStatus>(Requests.status, {});
      if (!status.available) this.show('NeSy: models off', status.reason);
      else if (status.ep) this.show(`NeSy: ${status.ep}`, `Neural models run on ${status.ep}.`, status.note);
      else this.show('NeSy: models idle', 'No neural model is loaded yet.', status.note);
    } catch (error) {
      const why = `The server did not report its status: ${error instanceof Error ? error.message : String(error)}`;
      this.output.appendLine(why);
      this.show('NeSy', why);
    }
  }

  private show(text: string, ...lines: (string | undefined)[]): void {
    this.item.text = text;
    this.item.tooltip = [...lines.filter(Boolean), 'Click to show the NeSy Studio output.'].join('\n');
  }

  dispose(): void {
    this.item.dispose();
  }
}
