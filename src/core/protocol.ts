// Custom LSP requests and commands shared by the client and the server: one name, one place.
export const Requests = {
  translate: 'nesy/translate',
  interpretMwp: 'nesy/interpretMwp',
  checkPredictions: 'nesy/checkPredictions',
  status: 'nesy/status',
} as const;

/** What the `.tl` code lens and code action on a `// nl: sentence` comment pass to Commands.translate. */
export interface TranslateArgs {
  uri: string;
  /** The comment, as an LSP range; the formula goes on the lines after it. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  sentence: string;
}

export const Commands = {
  translate: 'nesy.translate',
  interpretMwp: 'nesy.interpretMwp',
  explainStep: 'nesy.explainStep',
  checkPredictions: 'nesy.checkPredictions',
  generateHierarchyRules: 'nesy.generateHierarchyRules',
  convertStyle: 'nesy.convertStyle',
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
