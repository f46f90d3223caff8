// The shared webview page (src/client/webview/page.ts): its Content-Security-Policy and the HTML
// around it. A real webview's cspSource and URIs are stood in for by strings of the same shape; the
// page inside real VS Code is checked by test/e2e/suite/monitor.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, newNonce, webviewHtml } from '../../src/client/webview/page';

const webview = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  asWebviewUri: (u: { path: string }) => `https://file+.vscode-resource.vscode-cdn.net${u.path}`,
};

test('the policy allows nothing by default, scripts only with the nonce, the rest only from the extension', () => {
  const csp = contentSecurityPolicy(webview.cspSource, 'abc');
  const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));
  assert.deepEqual(directives.get('default-src'), ["'none'"]);
  assert.deepEqual(directives.get('script-src'), ["'nonce-abc'"]);
  for (const d of ['style-src', 'img-src', 'font-src']) assert.deepEqual(directives.get(d), [webview.cspSource], d);
  assert.ok(!csp.includes('unsafe'), csp);
  assert.ok(!/\bhttps?:\/\/(?!file\+)/.test(csp), csp);
});

test('every script carries the page nonce, the title is escaped, and nothing else is inline', () => {
  const html = webviewHtml(webview, {
    title: 'a <b> & "c"',
    scripts: [{ path: '/ext/dist/one.js' }, { path: '/ext/dist/two.js' }],
    styles: [{ path: '/ext/dist/one.css' }],
    body: '<main id="root"></main>',
  }, 'N0nce');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-N0nce';/);
  const scripts = [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
  assert.deepEqual(scripts.map((m) => m[1]), [
    ' nonce="N0nce" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/one.js"',
    ' nonce="N0nce" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/two.js"',
  ]);
  assert.ok(scripts.every((m) => m[2] === ''), 'no inline script');
  assert.ok(!/<style|style="/.test(html), 'no inline style');
  assert.match(html, /<link rel="stylesheet" href="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/dist\/one\.css">/);
  assert.match(html, /<title>a &#60;b&#62; &#38; &#34;c&#34;<\/title>/);
  assert.ok(html.indexOf('<main id="root">') < html.indexOf('<script'), 'the body comes before the scripts');
});

test('nonces are fresh: 128 random bits each', () => {
  const nonces = new Set(Array.from({ length: 100 }, newNonce));
  assert.equal(nonces.size, 100);
  for (const n of nonces) assert.equal(Buffer.from(n, 'base64').length, 16);
});
