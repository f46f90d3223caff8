// Shared plumbing for NeSy Studio's webviews (the monitor's robustness plot, the predictions report):
//
//   const view = openWebviewPanel<ToPage, FromPage>({
//     viewType: 'nesy.something', title: 'Something',
//     localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')],
//     page: { scripts: [uri('dist/something-view.js')], styles: [uri('dist/something-view.css')] },
//     onMessage: (m, view) => { if (m.type === 'ready') void view.post({ type: 'data', ... }); },
//   });
//
// The page gets a strict Content-Security-Policy (default-src 'none'; scripts only with the page's
// nonce; styles, images and fonts only from the extension's files) and loads nothing from the
// network. Send data as messages once the page says it is ready, not in the HTML.
export { openWebviewPanel, type PanelOptions, type WebviewPanel } from './panel';
export { contentSecurityPolicy, escapeHtml, newNonce, webviewHtml, type WebviewPage } from './page';
