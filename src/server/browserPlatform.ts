// The web worker host of the language server: files come from the client (vscode.workspace.fs, through
// ClientRequests), and stray errors are caught on the worker's global scope. nodePlatform.ts is the Node one.
import type { Connection } from 'vscode-languageserver';
import type { FileStat } from '../core/language';
import { ClientRequests } from '../core/protocol';
import { describe } from './analyses';
import type { ServerPlatform } from './server';

/** The worker's global scope, as far as the server uses it (the project compiles without the DOM's types). */
export interface WorkerScope {
  addEventListener(type: 'error' | 'unhandledrejection', listener: (event: { error?: unknown; reason?: unknown; preventDefault(): void }) => void): void;
}

export function browserPlatform(connection: Connection, scope: WorkerScope): ServerPlatform {
  return {
    files: {
      stat: (uri) => connection.sendRequest<FileStat>(ClientRequests.stat, { uri }),
      readText: (uri) => connection.sendRequest<string>(ClientRequests.readText, { uri }),
    },
    catchStray(report) {
      scope.addEventListener('error', (e) => {
        report(`Uncaught exception: ${describe(e.error)}`);
        e.preventDefault();
      });
      scope.addEventListener('unhandledrejection', (e) => {
        report(`Unhandled rejection: ${describe(e.reason)}`);
        e.preventDefault();
      });
    },
  };
}
