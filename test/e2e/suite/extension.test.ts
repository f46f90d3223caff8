// The extension as a user installs it: it activates on a NeSy file, registers its commands, and its
// language server answers.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../../src/core/protocol';
import { extension, openFixture, waitFor } from './helpers';
import { crash, hang, newServer, serverPids } from './serverProcess';

describe('NeSy Studio extension', () => {
  it('runs from the installed package when the runner installed one', () => {
    const installedIn = process.env.NESY_E2E_EXTENSIONS_DIR;
    if (!installedIn) return;
    const relative = path.relative(installedIn, extension().extensionPath);
    assert.ok(!relative.startsWith('..') && !path.isAbsolute(relative), `${extension().extensionPath} is inside ${installedIn}`);
  });

  it('activates when a .tl file opens, with the tl language mode', async () => {
    const editor = await openFixture('traffic.tl');
    assert.equal(editor.document.languageId, 'tl');
    await waitFor('activation', () => (extension().isActive ? true : undefined));
  });

  it('maps every temporal-logic extension and .fol/.mwp to their languages', async () => {
    for (const [file, language] of [
      ['robot.ltl', 'tl'],
      ['rules.fol', 'fol'],
      ['apples.mwp', 'mwp'],
    ]) {
      const editor = await openFixture(file);
      assert.equal(editor.document.languageId, language, file);
    }
  });

  it('registers every NeSy command', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of Object.values(Commands)) assert.ok(registered.has(command), `${command} is registered`);
    const contributed = (extension().packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.deepEqual(contributed.sort(), Object.values(Commands).sort());
  });

  it('restarts the language server on command and keeps answering', async () => {
    const editor = await openFixture('traffic.tl');
    await vscode.commands.executeCommand(Commands.restartServer);
    const symbols = await waitFor('document symbols after the restart', async () => {
      const result = await vscode.commands.executeCommand<unknown[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return result && result.length > 0 ? result : undefined;
    });
    assert.ok(symbols.length > 0);
  });

  // The library waits 2 s for the shutdown answer and then ends the process; a restart must still start a new
  // one (it once stopped there, and CI's loaded machine left every later suite without a server).
  it('restarts a server that hangs: the one that does not answer is ended, and a new one answers', async function () {
    if (process.platform === 'win32') this.skip(); // serverProcess.ts reads /proc or ps
    const editor = await openFixture('traffic.tl');
    const hung = await newServer();
    hang(hung);
    try {
      await vscode.commands.executeCommand(Commands.restartServer);
      await newServer(hung);
      await waitFor('document symbols from the new server', async () => {
        const result = await vscode.commands.executeCommand<unknown[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
        return result && result.length > 0 ? result : undefined;
      });
      await waitFor('the hung server to be ended', () => (serverPids().includes(hung) ? undefined : true));
    } finally {
      if (serverPids().includes(hung)) crash(hung);
    }
  });

});
