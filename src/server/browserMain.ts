// The language server in a web worker (dist/web/server.js), for VS Code for the web: the same createServer
// as the Node server (main.ts), on a connection over the worker's messages, with the browser platform
// (files through the editor) and the neural layer over onnxruntime-web. Checking predictions (score files
// on disk, worker threads) is Node-only and not registered here.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { languages } from '../languages/index';
import { browserNeural } from './browserNeural';
import { browserPlatform, type WorkerScope } from './browserPlatform';
import { createServer } from './server';

declare const self: WorkerScope & ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
createServer(connection, { platform: browserPlatform(connection, self), languages, neural: browserNeural(connection) });
connection.listen();
