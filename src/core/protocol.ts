// Custom LSP requests and commands shared by the client and the server: one name, one place.
export const Requests = {
  translate: 'nesy/translate',
  interpretMwp: 'nesy/interpretMwp',
  checkPredictions: 'nesy/checkPredictions',
  status: 'nesy/status',
} as const;

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
