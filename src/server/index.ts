// Starts the NeSy language server on a connection with every registered language.
import type { Connection } from 'vscode-languageserver/node';
import { languages } from '../languages/index';
import { createNeuralApi } from '../neural/index';
import { listenCheckPredictions } from './checkPredictions';
import { createServer } from './server';

export function startServer(connection: Connection): void {
  listenCheckPredictions(createServer(connection, { languages, neural: createNeuralApi }));
  connection.listen();
}
