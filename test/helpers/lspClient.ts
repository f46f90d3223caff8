/*
 * A real LSP client for tests: it spawns the built language server (`node dist/server.js --stdio`,
 * build with `npm run build` first) and speaks JSON-RPC to it over the child's stdio.
 *
 *   import { test } from 'node:test';
 *   import { startLsp, positionOf, applyEdits } from '../helpers/lspClient';
 *
 *   test('diagnostics', async (t) => {
 *     const lsp = await startLsp(t, { settings: { operatorStyle: 'unicode' } }); // killed when t ends
 *     const uri = lsp.uri('a.tl');                 // file:// URI inside the client's workspace folder
 *     lsp.open(uri, 'G p');                        // languageId from the extension ('tl'); version 1
 *     const diags = await lsp.diagnostics(uri);    // publishDiagnostics for the current version
 *     lsp.change(uri, [{ range, text: 'q' }]);     // incremental change; version 2; local text updated
 *     lsp.replace(uri, 'old', 'new');              // same, finding the first occurrence of 'old'
 *     await lsp.hover(uri, positionOf(lsp.text(uri), 'p'));
 *     const edits = await lsp.formatting(uri);
 *     applyEdits(lsp.text(uri), edits ?? []);      // apply TextEdit[] to a string
 *     lsp.applyWorkspaceEdit(edit);                // apply a WorkspaceEdit to the open documents' text
 *     await lsp.setSettings({ diagnostics: { disabled: ['tl/x'] } }); // + didChangeConfiguration
 *     await lsp.request('nesy/status', {});        // any request; lsp.notify(method, params)
 *     await lsp.shutdown();                        // shutdown + exit; resolves to the exit code
 *   });
 *
 * startLsp(t, options): t is a TestContext (the server dies when that test ends) or, to share one
 * server across a file, `{ after }` with node:test's `after` (it dies when the file ends).
 * Options (all optional):
 *   settings          the `nesy` configuration section, nested as in settings.json without the
 *                     `nesy.` prefix: { operatorStyle, diagnostics: { disabled }, inference: {...} }.
 *                     workspace/configuration requests for `nesy` or `nesy.x.y` are answered from it.
 *   trusted           initializationOptions.trusted (default true).
 *   workspaceFolder   filesystem folder sent as the one workspace folder (default: a fresh temp
 *                     folder under .test-tmp/lsp, removed on dispose). lsp.uri(name) is relative to it.
 *   initializationOptions  extra fields merged into initializationOptions.
 *   command, args, env, cwd  how to start the server (default: node dist/server.js --stdio in the
 *                     repository root). Use this to start a fixture server script.
 *   transport         'stdio' (default) or 'ipc' (--node-ipc, what the VS Code client uses).
 *   timeoutMs         how long any wait may take (default 15000).
 *
 * Other members:
 *   text(uri), version(uri)       the client's copy of an open document; close(uri), save(uri).
 *   workspaceFolder               the folder path; uri(name) a file:// URI inside it.
 *   initializeResult              the server's InitializeResult (capabilities).
 *   connection                    the vscode-jsonrpc MessageConnection, for anything not wrapped.
 *   nextDiagnostics(uri)          the next publishDiagnostics for uri, whatever its version.
 *   allPublished(uri)             every publishDiagnostics received for uri, oldest first.
 *   diagnostics(uri, version?)    the latest publish whose version equals `version` (default: the
 *                                 current local version), waiting for it if needed.
 *   logs                          window/logMessage texts received; stderr: the server's stderr.
 *   appliedEdits                  workspace/applyEdit requests the server sent (answered applied).
 *   sendRaw(bytes)                writes bytes to the server's stdin, for malformed-message tests.
 *   exited, alive                 promise of the exit code, and whether it still runs; dispose() kills it.
 * Typed request helpers: hover, completion, codeActions, definition, references, prepareRename,
 * rename, formatting, semanticTokens, documentSymbols, foldingRanges, codeLenses, inlayHints,
 * executeCommand. Each takes an optional CancellationToken as its last argument.
 * Every wait times out (default 15 s) with an error naming what it waited for, and fails at once
 * with the server's stderr if the server exits.
 * Free functions: positionOf(text, needle, n?), rangeOf(text, needle, n?), applyEdits(text, edits),
 * languageIdFor(uri).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type CancellationToken,
  type MessageConnection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeLens,
  Command,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  InitializeResult,
  InlayHint,
  Location,
  LocationLink,
  Position,
  PublishDiagnosticsParams,
  Range,
  SemanticTokens,
  SymbolInformation,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { repoRoot } from './data';

export interface LspOptions {
  settings?: Record<string, unknown>;
  trusted?: boolean;
  workspaceFolder?: string;
  initializationOptions?: Record<string, unknown>;
  command?: string;
  args?: string[];
  /** 'ipc' speaks over Node's IPC channel (--node-ipc), as the VS Code client does; default 'stdio'. */
  transport?: 'stdio' | 'ipc';
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
}

/** The part of node:test's TestContext / SuiteContext this helper needs. */
interface Teardown {
  after(fn: () => unknown): void;
}

export async function startLsp(t: Teardown, options: LspOptions = {}): Promise<LspClient> {
  const client = new LspClient(options);
  t.after(() => client.dispose());
  await client.initialize();
  return client;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export class LspClient {
  readonly connection: MessageConnection;
  readonly logs: string[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly workspaceFolder: string;
  readonly exited: Promise<number | null>;
  stderr = '';
  initializeResult!: InitializeResult;

  private readonly child: ChildProcess;
  private readonly timeoutMs: number;
  private readonly ownsFolder: boolean;
  private settings: Record<string, unknown>;
  private readonly docs = new Map<string, TextDocument>();
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters = new Set<{ uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }>();
  private disposed = false;

  constructor(private readonly options: LspOptions) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.settings = options.settings ?? {};
    this.ownsFolder = options.workspaceFolder === undefined;
    this.workspaceFolder =
      options.workspaceFolder ?? fs.mkdtempSync(path.join(mkdirp(path.join(repoRoot, '.test-tmp', 'lsp')), 'ws-'));
    const command = options.command ?? process.execPath;
    const ipc = options.transport === 'ipc';
    const args = options.args ?? [path.join(repoRoot, 'dist', 'server.js'), ipc ? '--node-ipc' : '--stdio'];
    this.child = spawn(command, args, {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ipc ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'],
    });
    running.add(this.child);
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code) => {
        running.delete(this.child);
        resolve(code);
      });
      this.child.on('error', (err) => {
        this.stderr += `spawn failed: ${err.message}\n`;
        running.delete(this.child);
        resolve(null);
      });
    });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => (this.stderr += chunk));
    // Writes after the server died must not turn into unhandled errors in the test process.
    this.child.stdin!.on('error', () => undefined);
    this.connection = createMessageConnection(
      ipc ? new IPCMessageReader(this.child) : streamReader(this.child.stdout!),
      ipc ? new IPCMessageWriter(this.child) : new StreamMessageWriter(this.child.stdin!),
    );
    this.listen();
    this.connection.listen();
  }

  private listen(): void {
    const c = this.connection;
    c.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => this.configuration(item.section)),
    );
    c.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      this.appliedEdits.push(params.edit);
      return { applied: true };
    });
    for (const method of [
      'client/registerCapability',
      'client/unregisterCapability',
      'window/workDoneProgress/create',
      'workspace/semanticTokens/refresh',
      'workspace/inlayHint/refresh',
      'workspace/codeLens/refresh',
      'workspace/diagnostic/refresh',
      'workspace/foldingRange/refresh',
    ]) {
      c.onRequest(method, () => null);
    }
    c.onRequest('workspace/workspaceFolders', () => [this.folder()]);
    c.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    c.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.test(p)) {
          this.waiters.delete(w);
          w.resolve(p);
        }
      }
    });
    // Unclaimed notifications ($/progress, telemetry) are fine to drop in tests.
    c.onNotification(() => undefined);
  }

  private configuration(section: string | undefined): unknown {
    if (section === undefined) return { nesy: this.settings };
    const [root, ...rest] = section.split('.');
    if (root !== 'nesy') return null;
    let value: unknown = this.settings;
    for (const key of rest) {
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
    return value ?? null;
  }

  private folder(): { uri: string; name: string } {
    return { uri: pathToFileURL(this.workspaceFolder).href, name: path.basename(this.workspaceFolder) };
  }

  async initialize(): Promise<InitializeResult> {
    const params = {
      processId: process.pid,
      rootUri: this.folder().uri,
      workspaceFolders: [this.folder()],
      initializationOptions: { trusted: this.options.trusted ?? true, ...this.options.initializationOptions },
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceFolders: true,
          applyEdit: true,
          workspaceEdit: { documentChanges: true },
          executeCommand: { dynamicRegistration: false },
          semanticTokens: { refreshSupport: true },
          inlayHint: { refreshSupport: true },
          codeLens: { refreshSupport: true },
        },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          codeAction: {
            dataSupport: true,
            resolveSupport: { properties: ['edit'] },
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
          },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          definition: { linkSupport: false },
          references: {},
          rename: { prepareSupport: true },
          formatting: {},
          semanticTokens: {
            requests: { full: true },
            tokenTypes: [],
            tokenModifiers: [],
            formats: ['relative'],
          },
          foldingRange: {},
          codeLens: {},
          inlayHint: {},
        },
      },
    };
    this.initializeResult = await this.timed(this.connection.sendRequest<InitializeResult>('initialize', params), 'initialize');
    await this.connection.sendNotification('initialized', {});
    return this.initializeResult;
  }

  /** A file:// URI for `name` inside the workspace folder (the file need not exist). */
  uri(name: string): string {
    return pathToFileURL(path.join(this.workspaceFolder, name)).href;
  }

  text(uri: string): string {
    return this.doc(uri).getText();
  }

  version(uri: string): number {
    return this.doc(uri).version;
  }

  open(uri: string, text: string, languageId = languageIdFor(uri)): number {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    this.fireAndForget('textDocument/didOpen', {
      textDocument: { uri, languageId, version: doc.version, text },
    });
    return doc.version;
  }

  /** Sends incremental changes (applied in order, as LSP specifies) and returns the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const old = this.doc(uri);
    const doc = TextDocument.update(old, changes, old.version + 1);
    this.docs.set(uri, doc);
    this.fireAndForget('textDocument/didChange', {
      textDocument: { uri, version: doc.version },
      contentChanges: changes,
    });
    return doc.version;
  }

  /** Replaces the `occurrence`-th (0-based) occurrence of `find` with `by`, as one incremental change. */
  replace(uri: string, find: string, by: string, occurrence = 0): number {
    return this.change(uri, [{ range: rangeOf(this.text(uri), find, occurrence), text: by }]);
  }

  close(uri: string): void {
    this.docs.delete(uri);
    this.fireAndForget('textDocument/didClose', { textDocument: { uri } });
  }

  save(uri: string): void {
    this.fireAndForget('textDocument/didSave', { textDocument: { uri }, text: this.text(uri) });
  }

  async setSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { nesy: settings } });
  }

  /** Every publishDiagnostics received for uri, oldest first. */
  allPublished(uri: string): PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  nextDiagnostics(uri: string): Promise<Diagnostic[]> {
    return this.waitPublish(uri, () => true, 'the next publishDiagnostics').then((p) => p.diagnostics);
  }

  diagnostics(uri: string, version = this.version(uri)): Promise<Diagnostic[]> {
    const seen = this.allPublished(uri).filter((p) => p.version === version);
    if (seen.length > 0) return Promise.resolve(seen[seen.length - 1]!.diagnostics);
    return this.waitPublish(uri, (p) => p.version === version, `publishDiagnostics for version ${version}`).then(
      (p) => p.diagnostics,
    );
  }

  private waitPublish(uri: string, test: (p: PublishDiagnosticsParams) => boolean, what: string): Promise<PublishDiagnosticsParams> {
    let waiter!: { uri: string; test: typeof test; resolve: (p: PublishDiagnosticsParams) => void };
    const promise = new Promise<PublishDiagnosticsParams>((resolve) => {
      waiter = { uri, test, resolve };
      this.waiters.add(waiter);
    });
    return this.timed(promise, `${what} of ${uri}`).finally(() => this.waiters.delete(waiter));
  }

  /** Document notifications are not awaited; a write that fails because the server is gone shows up in the next wait. */
  private fireAndForget(method: string, params: unknown): void {
    this.connection.sendNotification(method, params).catch(() => undefined);
  }

  request<R>(method: string, params: unknown, token?: CancellationToken): Promise<R> {
    const sent = token ? this.connection.sendRequest<R>(method, params, token) : this.connection.sendRequest<R>(method, params);
    return this.timed(sent, method);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Writes bytes straight to the server's stdin, bypassing the JSON-RPC writer. */
  sendRaw(bytes: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.child.stdin!.write(bytes, (err) => (err ? reject(err) : resolve())));
  }

  hover(uri: string, position: Position, token?: CancellationToken): Promise<Hover | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position }, token);
  }

  completion(uri: string, position: Position, token?: CancellationToken): Promise<CompletionItem[] | CompletionList | null> {
    return this.request('textDocument/completion', { textDocument: { uri }, position }, token);
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], token?: CancellationToken): Promise<(CodeAction | Command)[] | null> {
    return this.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } }, token);
  }

  definition(uri: string, position: Position, token?: CancellationToken): Promise<Location | Location[] | LocationLink[] | null> {
    return this.request('textDocument/definition', { textDocument: { uri }, position }, token);
  }

  references(uri: string, position: Position, includeDeclaration = true, token?: CancellationToken): Promise<Location[] | null> {
    return this.request('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration } }, token);
  }

  prepareRename(uri: string, position: Position, token?: CancellationToken): Promise<Range | { range: Range; placeholder: string } | null> {
    return this.request('textDocument/prepareRename', { textDocument: { uri }, position }, token);
  }

  rename(uri: string, position: Position, newName: string, token?: CancellationToken): Promise<WorkspaceEdit | null> {
    return this.request('textDocument/rename', { textDocument: { uri }, position, newName }, token);
  }

  formatting(uri: string, options: FormattingOptions = { tabSize: 2, insertSpaces: true }, token?: CancellationToken): Promise<TextEdit[] | null> {
    return this.request('textDocument/formatting', { textDocument: { uri }, options }, token);
  }

  semanticTokens(uri: string, token?: CancellationToken): Promise<SemanticTokens | null> {
    return this.request('textDocument/semanticTokens/full', { textDocument: { uri } }, token);
  }

  documentSymbols(uri: string, token?: CancellationToken): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
    return this.request('textDocument/documentSymbol', { textDocument: { uri } }, token);
  }

  foldingRanges(uri: string, token?: CancellationToken): Promise<FoldingRange[] | null> {
    return this.request('textDocument/foldingRange', { textDocument: { uri } }, token);
  }

  codeLenses(uri: string, token?: CancellationToken): Promise<CodeLens[] | null> {
    return this.request('textDocument/codeLens', { textDocument: { uri } }, token);
  }

  inlayHints(uri: string, range: Range, token?: CancellationToken): Promise<InlayHint[] | null> {
    return this.request('textDocument/inlayHint', { textDocument: { uri }, range }, token);
  }

  executeCommand(command: string, args: unknown[] = [], token?: CancellationToken): Promise<unknown> {
    return this.request('workspace/executeCommand', { command, arguments: args }, token);
  }

  /** Applies a WorkspaceEdit (changes or documentChanges) to the client's copies of open documents. */
  applyWorkspaceEdit(edit: WorkspaceEdit): void {
    const byUri = new Map<string, TextEdit[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, [...edits]);
    for (const change of edit.documentChanges ?? []) {
      if (!('textDocument' in change)) throw new Error(`resource operations are not supported by the test client: ${change.kind}`);
      byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
    }
    for (const [uri, edits] of byUri) {
      const doc = this.doc(uri);
      this.docs.set(uri, TextDocument.create(uri, doc.languageId, doc.version, TextDocument.applyEdits(doc, edits)));
    }
  }

  /** Whether the server process is still running. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends shutdown then exit, and resolves to the process's exit code. */
  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    await this.connection.sendNotification('exit');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the server did not exit within ${this.timeoutMs} ms of the exit notification`)), this.timeoutMs);
    });
    return Promise.race([this.exited, timeout]).finally(() => clearTimeout(timer));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.connection.dispose();
    if (this.alive) this.child.kill('SIGKILL');
    if (this.ownsFolder) fs.rmSync(this.workspaceFolder, { recursive: true, force: true });
  }

  private doc(uri: string): TextDocument {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`the test client has no open document ${uri}`);
    return doc;
  }

  /** Rejects when the wait times out, or when the server dies before answering. */
  private timed<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${this.timeoutMs} ms waiting for ${what}; server stderr:\n${this.stderr}`)),
        this.timeoutMs,
      );
    });
    const died = this.exited.then((code) => {
      throw new Error(`the server exited (code ${code}) while the test waited for ${what}; server stderr:\n${this.stderr}`);
    });
    return Promise.race([promise, timeout, died]).finally(() => clearTimeout(timer));
  }
}

/**
 * A reader without vscode-jsonrpc's partial-message timer: while a message is incomplete that timer re-arms
 * itself every 10 s, even after the stream has ended and the reader is disposed, so a server that died in the
 * middle of a message kept the test process alive for ever. Nothing here listens for partial messages.
 */
function streamReader(stdout: NodeJS.ReadableStream): StreamMessageReader {
  const reader = new StreamMessageReader(stdout);
  reader.partialMessageTimeout = 0;
  return reader;
}

function mkdirp(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function languageIdFor(uri: string): string {
  const ext = path.extname(new URL(uri).pathname);
  return ext ? ext.slice(1) : 'plaintext';
}

/** The position of the start of the `occurrence`-th (0-based) occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string, occurrence = 0): Position {
  return rangeOf(text, needle, occurrence).start;
}

export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' occurs fewer than ${occurrence + 1} times in:\n${text}`);
  }
  const doc = TextDocument.create('file:///x', 'x', 0, text);
  return { start: doc.positionAt(at), end: doc.positionAt(at + needle.length) };
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'x', 0, text), edits);
}
