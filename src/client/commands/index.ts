// Every command the extension contributes, by its name in src/core/protocol.ts. package.json lists the same
// set (test/unit/manifest.test.ts checks both directions).
import * as vscode from 'vscode';
import { Commands } from '../../core/protocol';
import { checkPredictions } from './checkPredictions';
import type { CommandContext } from './context';
import { convertStyle } from './convertStyle';
import { evaluateTrace } from './evaluateTrace';
import { explainStep } from './explainStep';
import { generateHierarchyRules } from './generateHierarchyRules';
import { interpretMwp } from './interpretMwp';
import { restartServer, showOutput } from './serverControl';
import { translate } from './translate';

type CommandName = (typeof Commands)[keyof typeof Commands];

export function registerCommands(context: CommandContext): vscode.Disposable[] {
  const handlers: Record<CommandName, (...args: any[]) => unknown> = {
    [Commands.translate]: (args?) => translate(context, args),
    [Commands.interpretMwp]: () => interpretMwp(context),
    [Commands.explainStep]: (step?) => explainStep(step),
    [Commands.checkPredictions]: (file?, options?) => checkPredictions(context, file, options),
    [Commands.generateHierarchyRules]: (file?) => generateHierarchyRules(file),
    [Commands.convertStyle]: (style?) => convertStyle(context, style),
    [Commands.evaluateTrace]: (args?, trace?) => evaluateTrace(context, args, trace),
    [Commands.restartServer]: () => restartServer(context),
    [Commands.showOutput]: () => showOutput(context),
  };
  return Object.entries(handlers).map(([name, handler]) => vscode.commands.registerCommand(name, handler));
}
