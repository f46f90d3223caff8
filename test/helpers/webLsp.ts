/*
 * The web extension's language server (dist/web/server.js, build with `npm run build` first) in a real web
 * worker of headless Chromium (/usr/bin/chromium through playwright-core; nothing is downloaded), spoken to
 * with real LSP messages from the page. The page plays the editor's part: it answers the server's
 * configuration requests and its file requests (ClientRequests) the way src/client/webFiles.ts does with
 * vscode.workspace.fs, here from a local HTTP server over this repository (the extension's files: dist/web,
 * models/) and a workspace folder of the test's own (`ws/`).
 *
 *   const web = await startWebLsp({ workspace: dir });   // dir is served as http://127.0.0.1:PORT/ws/
 *   const uri = web.uri('a.tl');
 *   await web.open(uri, 'tl', 'G p');
 *   await web.diagnostics(uri, 1);
 *   await web.request('textDocument/hover', {...});
 *   await web.close();
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './data';

export const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];
/**
 * WebGPU on the CPU: Chromium's SwiftShader adapter, which every machine has, so the WebGPU path runs the same
 * shaders' logic here as on a GPU (slowly); without these flags this headless Chromium offers no WebGPU adapter.
 */
const webgpuArgs = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'];

export interface WebLsp {
  readonly page: Page;
  /** An http: URI of a file in the workspace folder. */
  uri(name: string): string;
  request<T = unknown>(method: string, params: unknown): Promise<T>;
  notify(method: string, params: unknown): Promise<void>;
  open(uri: string, languageId: string, text: string): Promise<void>;
  /** The diagnostics published for `uri` at `version` (waits for them). */
  diagnostics(uri: string, version: number): Promise<{ message: string; code?: string; range: unknown }[]>;
  /** Milliseconds from creating the worker to the first diagnostics of the first document opened. */
  firstDiagnosticsMs(): Promise<number>;
  /** Lines the server logged (window/logMessage). */
  logs(): Promise<string[]>;
  close(): Promise<void>;
}

/** Serves the repository's dist/web and models (the extension's files) and `workspace` under /ws/. */
function serve(workspace: string): Promise<http.Server> {
  const roots: [string, string][] = [
    ['/ext/', repoRoot],
    ['/ws/', workspace],
  ];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>nesy web</title>');
      return;
    }
    const root = roots.find(([prefix]) => url.pathname.startsWith(prefix));
    const file = root ? path.join(root[1], decodeURIComponent(url.pathname.slice(root[0].length))) : undefined;
    if (!file || !file.startsWith(root![1]) || (root![0] === '/ext/' && !/^(dist\/web|models)(\/|$)/.test(path.relative(repoRoot, file)))) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, stat) => {
      if (err) return void res.writeHead(404).end();
      if (stat.isDirectory()) {
        const names = fs.readdirSync(file, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
        res.writeHead(200, { 'content-type': 'application/json', 'x-kind': 'directory' }).end(req.method === 'HEAD' ? undefined : JSON.stringify(names));
        return;
      }
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'content-length': stat.size, 'x-kind': 'file' });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The page's side: a JSON-RPC client over the worker's messages that answers the server's requests. */
function pageClient([settings, folders]: [unknown, { uri: string; name: string }[]]): void {
  type Msg = { id?: number | string; method?: string; params?: any; result?: unknown; error?: { message: string } };
  // This runs in the page; the project compiles without the DOM's types.
  const page = globalThis as any;
  const started = performance.now();
  const worker = new page.Worker('/ext/dist/web/server.js');
  let nextId = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const diagnostics = new Map<string, { version?: number; diagnostics: unknown[] }[]>();
  const waiters: (() => void)[] = [];
  const logs: string[] = [];
  let firstDiagnostics: number | undefined;
  const base = page.location.origin as string;
  const answer = async (m: Msg): Promise<unknown> => {
    switch (m.method) {
      case 'workspace/configuration':
        return (m.params.items as unknown[]).map(() => settings);
      case 'workspace/workspaceFolders':
        return folders;
      case 'nesy/fs/stat': {
        const r = await fetch(m.params.uri, { method: 'HEAD' });
        if (!r.ok) return { kind: 'missing' };
        return { kind: r.headers.get('x-kind'), size: Number(r.headers.get('content-length') ?? 0), realUri: m.params.uri };
      }
      case 'nesy/fs/readText': {
        const r = await fetch(m.params.uri);
        if (!r.ok) throw new Error(`${m.params.uri}: ${r.status}`);
        return r.text();
      }
      case 'nesy/fs/extensionFiles': {
        const names = (await (await fetch(`${base}/ext/${m.params.folder}`)).json()) as string[];
        const files: Record<string, Uint8Array> = {};
        for (const name of names.filter((n) => (m.params.extensions as string[]).some((e) => n.endsWith(e)))) {
          files[name] = new Uint8Array(await (await fetch(`${base}/ext/${m.params.folder}/${name}`)).arrayBuffer());
        }
        return files;
      }
      default:
        return null;
    }
  };
  worker.onmessage = (event: { data: Msg }) => {
    const m = event.data;
    if (m.method && m.id !== undefined) {
      answer(m).then(
        (result) => worker.postMessage({ jsonrpc: '2.0', id: m.id, result }),
        (e: Error) => worker.postMessage({ jsonrpc: '2.0', id: m.id, error: { code: -32603, message: e.message } }),
      );
    } else if (m.method) {
      if (m.method === 'textDocument/publishDiagnostics') {
        firstDiagnostics ??= performance.now() - started;
        diagnostics.set(m.params.uri, [...(diagnostics.get(m.params.uri) ?? []), m.params]);
        waiters.splice(0).forEach((w) => w());
      } else if (m.method === 'window/logMessage') logs.push(m.params.message);
    } else {
      const p = pending.get(m.id as number);
      pending.delete(m.id as number);
      if (m.error) p?.reject(new Error(m.error.message));
      else p?.resolve(m.result);
    }
  };
  page.lsp = {
    request: (method: string, params: unknown) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ jsonrpc: '2.0', id, method, params });
      }),
    notify: (method: string, params: unknown) => worker.postMessage({ jsonrpc: '2.0', method, params }),
    diagnostics: (uri: string, version: number) =>
      new Promise((resolve) => {
        const check = () => {
          const found = diagnostics.get(uri)?.find((d) => d.version === version);
          if (found) resolve(found.diagnostics);
          else waiters.push(check);
        };
        check();
      }),
    firstDiagnostics: () => firstDiagnostics,
    logs: () => logs,
  };
}

/** `settings`: what the page answers the server's configuration requests with; `webgpu`: the browser offers WebGPU. */
export async function startWebLsp(options: { workspace: string; settings?: unknown; trusted?: boolean; webgpu?: boolean }): Promise<WebLsp> {
  const server = await serve(options.workspace);
  const port = (server.address() as AddressInfo).port;
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: options.webgpu ? [...chromiumArgs, ...webgpuArgs] : [...chromiumArgs, '--disable-gpu'] });
    const page = await browser.newPage();
    // Anything outside this test's own server is refused: the web server must fetch nothing else.
    const outside: string[] = [];
    await page.route(/.*/, (route) => {
      const url = route.request().url();
      if (url.startsWith(`http://127.0.0.1:${port}/`)) void route.continue();
      else {
        outside.push(url);
        void route.abort();
      }
    });
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
    // tsx compiles this file with esbuild's keepNames, whose __name() calls travel in pageClient's source.
    await page.addInitScript('globalThis.__name = (f) => f');
    await page.goto(`http://127.0.0.1:${port}/`);
    const wsUri = `http://127.0.0.1:${port}/ws/`;
    await page.evaluate(pageClient, [options.settings ?? {}, [{ uri: wsUri, name: 'ws' }]] as [unknown, { uri: string; name: string }[]]);
    const call = <T>(fn: string, ...args: unknown[]) =>
      page.evaluate(([f, a]) => (globalThis as any).lsp[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;
    await call('request', 'initialize', {
      processId: null,
      rootUri: wsUri,
      workspaceFolders: [{ uri: wsUri, name: 'ws' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true } },
      initializationOptions: { trusted: options.trusted ?? true },
    });
    await call('notify', 'initialized', {});
    const b = browser;
    return {
      page,
      uri: (name) => `${wsUri}${name}`,
      request: (method, params) => call('request', method, params),
      notify: (method, params) => call('notify', method, params),
      open: (uri, languageId, text) => call('notify', 'textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } }),
      diagnostics: (uri, version) => call('diagnostics', uri, version),
      firstDiagnosticsMs: () => call('firstDiagnostics'),
      logs: () => call('logs'),
      async close() {
        await b.close();
        server.close();
        if (outside.length > 0) throw new Error(`the page asked for URLs outside its server: ${outside.join(', ')}`);
      },
    };
  } catch (e) {
    await browser?.close();
    server.close();
    throw e;
  }
}
