// A webview panel of ours: created with scripts on, only the given folders readable, and the page
// built by page.ts (strict CSP, nonce'd scripts). Messages are typed both ways; a message from the
// page before the caller listens is not lost, because the page is set only after `onMessage` is wired.
import * as vscode from 'vscode';
import { webviewHtml, type WebviewPage } from './page';

export interface PanelOptions<FromPage> {
  /** The panel's view type, e.g. `nesy.monitorPlot`: one per kind of panel. */
  viewType: string;
  title: string;
  /** Where the panel opens; beside the active editor by default. */
  column?: vscode.ViewColumn;
  /** The only folders the page may load files from (the page's scripts and styles must be under one). */
  localResourceRoots: vscode.Uri[];
  page: Omit<WebviewPage<vscode.Uri>, 'title'>;
  /** Keeps the page alive while its tab is hidden (costs memory; for pages with state worth keeping). */
  retainContextWhenHidden?: boolean;
  /** Called with each message the page posts (acquireVsCodeApi().postMessage). */
  onMessage?: (message: FromPage, panel: WebviewPanel<unknown, FromPage>) => void;
}

export interface WebviewPanel<ToPage, FromPage> {
  readonly panel: vscode.WebviewPanel;
  /** Posts a message to the page; resolves false when the page is gone. */
  post(message: ToPage): Thenable<boolean>;
  /** Every message the page has posted so far, in order (tests read it). */
  readonly received: readonly FromPage[];
}

/** Opens a panel and loads its page. Dispose with `.panel.dispose()`. */
export function openWebviewPanel<ToPage, FromPage>(options: PanelOptions<FromPage>): WebviewPanel<ToPage, FromPage> {
  const panel = vscode.window.createWebviewPanel(options.viewType, options.title, options.column ?? vscode.ViewColumn.Beside, {
    enableScripts: true,
    localResourceRoots: options.localResourceRoots,
    retainContextWhenHidden: options.retainContextWhenHidden ?? false,
  });
  const received: FromPage[] = [];
  const handle: WebviewPanel<ToPage, FromPage> = {
    panel,
    received,
    post: (message) => panel.webview.postMessage(message),
  };
  panel.webview.onDidReceiveMessage((message: FromPage) => {
    received.push(message);
    options.onMessage?.(message, handle as WebviewPanel<unknown, FromPage>);
  });
  panel.webview.html = webviewHtml(panel.webview, { title: options.title, ...options.page });
  return handle;
}
