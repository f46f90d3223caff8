// Custom LSP requests and commands shared by the client and the server: one name, one place.
export const Requests = {
  translate: 'nesy/translate',
  interpretMwp: 'nesy/interpretMwp',
  checkPredictions: 'nesy/checkPredictions',
  status: 'nesy/status',
  monitorTrace: 'nesy/monitorTrace',
} as const;

/**
 * Requests the web worker server sends to the client (src/client/webFiles.ts). A browser has no disk, so files
 * come through the editor: workspace files by vscode.workspace.fs, which also reads github.dev's virtual
 * ones, and the extension's own model and WebAssembly files, which are never fetched from anywhere else.
 */
export const ClientRequests = {
  /** { uri } -> FileStat (src/core/language.ts) */
  stat: 'nesy/fs/stat',
  /** { uri } -> the file's text */
  readText: 'nesy/fs/readText',
  /** { folder, extensions } -> { [file name]: Uint8Array }: the extension's files in models/… or dist/web */
  extensionFiles: 'nesy/fs/extensionFiles',
} as const;

/** The `data` of a failed nesy/checkPredictions request whose arrays carry no class names: the editor asks for a classes file and tries again. */
export interface CheckPredictionsFailure {
  needsClasses: true;
}

/** What the `.tl` code lens and code action on a `// nl: sentence` comment pass to Commands.translate. */
export interface TranslateArgs {
  uri: string;
  /** The comment, as an LSP range; the formula goes on the lines after it. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  sentence: string;
}

/** What the `.tl` code lens "Evaluate on trace…" passes to Commands.evaluateTrace. */
export interface EvaluateTraceArgs {
  uri: string;
  /** The spec's name as `nesy monitor` gives it (`formula N` for a bare formula) and its index among the specs. */
  spec: string;
  index: number;
  /** The spec's statement, as an LSP range: where the verdict is shown. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** nesy/monitorTrace: one spec of an open .tl document on a trace file; answers a MonitorPlot (src/core/monitorPlot.ts). */
export interface MonitorTraceParams {
  uri: string;
  spec: string;
  index: number;
  /** The trace (CSV or JSON lines), as a file:// URI or an absolute path. */
  trace: string;
  /** The most samples the plot holds (the first ones); the verdict is on the whole trace. Default 50,000. */
  maxPoints?: number;
}

export const Commands = {
  translate: 'nesy.translate',
  interpretMwp: 'nesy.interpretMwp',
  explainStep: 'nesy.explainStep',
  checkPredictions: 'nesy.checkPredictions',
  generateHierarchyRules: 'nesy.generateHierarchyRules',
  convertStyle: 'nesy.convertStyle',
  evaluateTrace: 'nesy.evaluateTrace',
  restartServer: 'nesy.restartServer',
  showOutput: 'nesy.showOutput',
} as const;

/**
 * Commands the server runs itself (workspace/executeCommand). Their ids carry a `nesy.server.`
 * prefix because the VS Code client registers every id the server declares, and they must not
 * collide with the client's own commands above.
 */
export const ServerCommands = {
  /** [{ uri, style, options? }]: rewrites every operator in the document in `style`; answers { applied }. */
  convertStyle: 'nesy.server.convertStyle',
} as const;
