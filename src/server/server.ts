// Wires one connection to the languages: document sync, settings, analyses, features and commands.
// The Node server (main.ts, dist/server-main.js, and `nesy lsp`, through startServer in index.ts) and the web
// server (browserMain.ts, a web worker) both start it, each with its platform (files, stray errors, models);
// tests may start it with their own languages.
import {
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  DidChangeConfigurationNotification,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Host, HostFiles, LanguageService } from '../core/language';
import { defaultSettings, type Settings } from '../core/settings';
import type { LanguageEntry } from '../languages/index';
import { Analyses, describe } from './analyses';
import { serverCapabilities } from './capabilities';
import { toSettings } from './configuration';
import { registerFeatures } from './features';
import { guardNotification } from './guard';
import { ServerLanguages } from './languages';
import { Neural, type NeuralFactory } from './neural';
import { WorkspaceFiles } from './workspaceFiles';

/** What differs between the Node server and the web worker server; everything else is one code path. */
export interface ServerPlatform {
  /** The file system imports are read through: Node's, or the editor's (vscode.workspace.fs) in the browser. */
  files: HostFiles;
  /** Routes errors nobody caught to `report`, so that the server outlives any single bad request. */
  catchStray(report: (message: string) => void): void;
}

export interface ServerOptions {
  platform: ServerPlatform;
  /** The registry's entries, loaded on first use; tests may pass services. */
  languages: readonly (LanguageEntry | LanguageService<any>)[];
  neural?: NeuralFactory;
  /**
   * Quiet time after the last edit before a document is validated. 50 ms merges the bursts one
   * user action produces (paste, multi-cursor edits, an applied quick fix arriving as several
   * changes) while staying well under the ~100 ms at which a delay is noticed; feature requests
   * never wait for it, since they start the analysis themselves.
   */
  debounceMs?: number;
}

/** What request handlers outside this module need. */
export interface ServerContext {
  readonly connection: Connection;
  readonly analyses: Analyses;
  settings(): Settings;
  host(): Host;
  /** Logs to the client's output channel. */
  error(message: string): void;
}

export function createServer(connection: Connection, options: ServerOptions): ServerContext {
  const log = (message: string) => connection.console.info(message);
  const error = (message: string) => connection.console.error(message);
  const languages = new ServerLanguages(options.languages, log);

  // The server outlives any single bad request; a stray exception is reported, not fatal.
  options.platform.catchStray(error);

  const documents = new TextDocuments(TextDocument);
  const files = new WorkspaceFiles(options.platform.files, (uri) => documents.get(uri)?.getText(), log);

  let trusted = true;
  let client: ClientCapabilities = {};
  let settings: Settings = { ...defaultSettings };
  let reportedProblems = new Set<string>();
  // Settings reads run one after another; work waits for the latest, so a request sent after a
  // settings change sees the new settings. Nothing is analysed before the first read.
  let initialized!: () => void;
  let settingsSettled = new Promise<void>((resolve) => (initialized = resolve));
  const settled = async (): Promise<void> => {
    // A read queued while waiting replaces the promise; wait for that one too.
    let current: Promise<void>;
    do {
      current = settingsSettled;
      await current;
    } while (current !== settingsSettled);
  };
  const neural = new Neural(options.neural, log, settled);

  const host = (readFile: (uri: string) => Promise<string | undefined> = (uri) => files.read(uri)): Host => ({
    readFile,
    files: files.hostFiles(),
    neural: neural.api(),
    log,
  });

  const analyses = new Analyses({
    document: (uri) => documents.get(uri),
    language: (uri) => languages.forDocument(uri, documents.get(uri)?.languageId),
    analyze: async (language, document, readFile, previous) => {
      await settled();
      return language.analyze(document, settings, host(readFile), previous);
    },
    readFile: (uri) => files.read(uri),
    settled,
    publish: (document, diagnostics) => {
      const shown = diagnostics.filter((d: Diagnostic) => !(typeof d.code === 'string' && settings.disabledChecks.includes(d.code)));
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: shown });
    },
    clear: (uri) => void connection.sendDiagnostics({ uri, diagnostics: [] }),
    log: error,
    debounceMs: options.debounceMs ?? 50,
  });

  let everApplied = false;
  function applySettings(section: unknown): void {
    everApplied = true;
    const read = toSettings(section, trusted);
    const problems = new Set(read.problems);
    for (const p of problems) if (!reportedProblems.has(p)) error(p);
    reportedProblems = problems;
    settings = read.settings;
    neural.update(settings, read.modelsDir);
    for (const uri of documents.keys()) analyses.invalidate(uri);
    // Tokens, hints and lenses may depend on settings (operator style); the editor asks again.
    const ws = client.workspace;
    const refresh = (method: string) => void connection.sendRequest(method).catch(() => undefined);
    if (ws?.semanticTokens?.refreshSupport) refresh('workspace/semanticTokens/refresh');
    if (ws?.inlayHint?.refreshSupport) refresh('workspace/inlayHint/refresh');
    if (ws?.codeLens?.refreshSupport) refresh('workspace/codeLens/refresh');
  }

  async function readSettings(pushed: unknown): Promise<void> {
    try {
      const section = client.workspace?.configuration ? await connection.workspace.getConfiguration({ section: 'nesy' }) : pushed;
      applySettings(section);
    } catch (e) {
      error(`Could not read the nesy settings from the editor; ${everApplied ? 'keeping the previous ones' : 'using the defaults'}. ${describe(e)}`);
      if (!everApplied) applySettings(undefined);
    }
  }

  function pullSettings(pushed?: unknown): Promise<void> {
    settingsSettled = settingsSettled.then(() => readSettings(pushed));
    return settingsSettled;
  }

  connection.onInitialize((params: InitializeParams) => {
    client = params.capabilities ?? {};
    const init = params.initializationOptions as { trusted?: unknown } | undefined;
    trusted = init?.trusted !== false;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    files.setFolders(folders);
    return {
      capabilities: serverCapabilities(languages.entries, client),
      serverInfo: { name: 'nesy-studio' },
    };
  });

  connection.onInitialized(
    guardNotification(error, 'initialized', async () => {
      log(`NeSy language server ready for ${languages.entries.map((l) => l.id).join(', ') || 'no languages'}${trusted ? '' : ' (untrusted workspace: neural features off)'}.`);
      if (client.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'nesy' });
      }
      if (client.workspace?.workspaceFolders) {
        let current = (await connection.workspace.getWorkspaceFolders())?.map((f) => f.uri) ?? [];
        files.setFolders(current);
        connection.workspace.onDidChangeWorkspaceFolders(
          guardNotification(error, 'workspace/didChangeWorkspaceFolders', (e) => {
            const removed = new Set(e.removed.map((f) => f.uri));
            current = [...current.filter((uri) => !removed.has(uri)), ...e.added.map((f) => f.uri)];
            files.setFolders(current);
          }),
        );
      }
      initialized();
      await pullSettings();
    }),
  );

  connection.onDidChangeConfiguration(
    guardNotification(error, 'workspace/didChangeConfiguration', (params) =>
      pullSettings((params.settings as { nesy?: unknown } | null)?.nesy),
    ),
  );

  connection.onDidChangeWatchedFiles(
    guardNotification(error, 'workspace/didChangeWatchedFiles', (params) => {
      for (const change of params.changes) analyses.dependencyChanged(change.uri);
    }),
  );

  documents.onDidChangeContent(
    guardNotification(error, 'document change', (e: { document: TextDocument }) => {
      analyses.schedule(e.document.uri);
      analyses.dependencyChanged(e.document.uri);
    }),
  );
  documents.onDidClose(
    guardNotification(error, 'document close', (e: { document: TextDocument }) => {
      analyses.closed(e.document.uri);
      analyses.dependencyChanged(e.document.uri);
    }),
  );
  documents.listen(connection);

  const context: ServerContext = {
    connection,
    analyses,
    settings: () => settings,
    host: () => host(),
    error,
  };
  registerFeatures(context);
  neural.listen(connection);
  // The inference worker must not outlive the server.
  connection.onShutdown(() => neural.dispose());
  return context;
}

