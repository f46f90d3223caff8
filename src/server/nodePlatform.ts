// The Node host of the language server (dist/server-main.js, `nesy lsp`): files from disk, and stray errors
// caught on the process. browserPlatform.ts is the web worker's counterpart.
import { nodeFiles } from '../core/nodeFiles';
import { describe } from './analyses';
import type { ServerPlatform } from './server';

export const nodePlatform: ServerPlatform = {
  files: nodeFiles,
  catchStray(report) {
    process.on('uncaughtException', (e) => report(`Uncaught exception: ${describe(e)}`));
    process.on('unhandledRejection', (e) => report(`Unhandled rejection: ${describe(e)}`));
  },
};
