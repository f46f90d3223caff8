// Starts the Node language server on a connection with every registered language (browserMain.ts starts
// the web worker's).
import type { Connection } from 'vscode-languageserver/node';
import { languages } from '../languages/index';
import { listenCheckPredictions } from './checkPredictions';
import { listenMonitorTrace } from './monitorTrace';
import type { NeuralFactory } from './neural';
import { nodePlatform } from './nodePlatform';
import { createServer } from './server';

// The neural layer loads with the first model request, not at start-up: it brings in the .tl
// parser (to check translations), and with it Chevrotain, which a .fol-only session never needs.
const neural: NeuralFactory = (options) => (require('../neural/index') as typeof import('../neural/index')).createNeuralApi(options);

export function startServer(connection: Connection): void {
  const server = createServer(connection, { platform: nodePlatform, languages, neural });
  listenCheckPredictions(server);
  listenMonitorTrace(server);
  connection.listen();
}
