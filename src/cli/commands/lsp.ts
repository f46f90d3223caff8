// `nesy lsp --stdio`: the same language server the extension runs, for other editors.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { CliCommand } from '../command';
import { startServer } from '../../server/index';

const transports = ['--stdio', '--node-ipc', '--socket=', '--pipe='];

export const lsp: CliCommand = {
  name: 'lsp',
  summary: 'Run the NeSy language server (for editors other than VS Code)',
  usage: [
    'usage: nesy lsp --stdio',
    '',
    'Runs the NeSy language server, speaking the Language Server Protocol on stdin/stdout.',
    'Point your editor\'s LSP client at `nesy lsp --stdio` for .tl, .fol and .mwp files.',
    'Pass initializationOptions { "trusted": false } to keep neural models off.',
    '',
    'Other transports: --node-ipc, --socket=<port>, --pipe=<name>.',
  ].join('\n'),
  run(args) {
    if (!args.some((a) => transports.some((t) => (t.endsWith('=') ? a.startsWith(t) : a === t)))) {
      process.stderr.write('nesy lsp: choose a transport, e.g. `nesy lsp --stdio`.\n');
      return Promise.resolve(2);
    }
    // createConnection reads the transport from process.argv, and with --stdio routes console
    // output to the client's log so that nothing but protocol messages reaches stdout.
    const connection = createConnection(ProposedFeatures.all);
    return new Promise<number>((resolve) => {
      connection.onExit(() => resolve(0));
      startServer(connection);
    });
  },
};
