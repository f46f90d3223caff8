// The language server program, bundled as dist/server-main.js and loaded by dist/server.js (start.ts).
// The VS Code client starts it over IPC (--node-ipc); other editors pass --stdio.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './index';

startServer(createConnection(ProposedFeatures.all));
