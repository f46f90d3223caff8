// The extension's Node entry (package.json `main`, dist/extension.js): the language server runs as a Node
// process (dist/server.js) over IPC. browserExtension.ts is the web entry.
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import type * as vscode from 'vscode';
import { IPCMessageReader, IPCMessageWriter, LanguageClient, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/node';
import { activateWith } from './extension';
import { clientOptions } from './languageClient';

export { deactivate } from './extension';

/**
 * The server process, forked here rather than by vscode-languageclient, which keeps its process to itself: a
 * server that does not answer the shutdown request (busy on its one thread, or frozen) must be ended before the
 * next one starts. The library would end it with a shell script beside its own module, which bundling leaves
 * behind, and 2 s after the next server started, whose connection the old one's closing would then tear down as
 * if the new server had crashed.
 */
class ServerProcess {
  private child: ChildProcess | undefined;

  constructor(
    private readonly module: string,
    private readonly output: vscode.OutputChannel,
  ) {}

  start(): Promise<MessageTransports> {
    // The library's debug options, when the extension host itself runs under a debugger.
    const debugging = process.execArgv.some((arg) => /^--(inspect|debug)/.test(arg));
    const child = fork(this.module, ['--node-ipc', `--clientProcessId=${process.pid}`], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      execArgv: debugging ? ['--nolazy', '--inspect=6009'] : [],
    });
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', (data: Buffer) => this.output.append(data.toString('utf8')));
    child.once('exit', (code, signal) => {
      if (signal || code) this.output.appendLine(`The language server process ${child.pid} exited with ${signal ? `signal ${signal}` : `code ${code}`}.`);
    });
    this.child = child;
    return Promise.resolve({ reader: new IPCMessageReader(child), writer: new IPCMessageWriter(child) });
  }

  /** Kills the process if it still runs, and resolves once it is gone and its connection closed. */
  async end(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const closed = once(child, 'close');
    child.kill('SIGKILL');
    await closed;
  }
}

class NodeLanguageClient extends LanguageClient {
  constructor(
    private readonly server: ServerProcess,
    options: LanguageClientOptions,
  ) {
    super('nesy', 'NeSy Studio', () => server.start(), options);
  }

  /** A stop that timed out (the library has logged it) leaves no server behind. */
  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } catch (error) {
      await this.server.end();
      throw error;
    }
  }
}

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateWith(context, (output) => {
    const server = new ServerProcess(context.asAbsolutePath('dist/server.js'), output);
    const client: LanguageClient = new NodeLanguageClient(server, clientOptions(context, output, () => client, ['file', 'untitled']));
    return client;
  });
}
