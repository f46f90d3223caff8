// The HTML of a webview page under a strict Content-Security-Policy: nothing from the network, no
// inline code; scripts only with this page's fresh nonce, styles, images and fonts only from the
// extension's own files (webview.cspSource). Pure string building, so a node test can check it; the
// panel that uses it is panel.ts.

export interface WebviewPage<U extends object = object> {
  /** The page's title (escaped here). */
  title: string;
  /** Script files, loaded in order with the page's nonce. Each must lie under a local resource root. */
  scripts: readonly U[];
  /** Style sheets, loaded in order. */
  styles?: readonly U[];
  /** Static HTML for <body>, placed before the scripts. Escape anything a user wrote (escapeHtml). */
  body?: string;
}

/** A fresh nonce for one page: 128 random bits, base64 (Web Crypto, in Node and in browsers alike). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy: `default-src 'none'`, then only what a page of ours needs. Styles from files only (no
 * inline <style> or style="" attributes; scripts may still set element.style, which CSP allows).
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${cspSource}`, `img-src ${cspSource}`, `font-src ${cspSource}`].join('; ');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The whole HTML document of a page. */
/** `webview` is a vscode.Webview; only its cspSource and asWebviewUri are used. */
export function webviewHtml<U extends object>(webview: { readonly cspSource: string; asWebviewUri(uri: U): { toString(): string } }, page: WebviewPage<U>, nonce = newNonce()): string {
  const href = (u: U) => escapeHtml(webview.asWebviewUri(u).toString());
  const styles = (page.styles ?? []).map((u) => `<link rel="stylesheet" href="${href(u)}">`);
  const scripts = page.scripts.map((u) => `<script nonce="${nonce}" src="${href(u)}"></script>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    ...styles,
    `<title>${escapeHtml(page.title)}</title>`,
    '</head>',
    '<body>',
    page.body ?? '',
    ...scripts,
    '</body>',
    '</html>',
  ].join('\n');
}
