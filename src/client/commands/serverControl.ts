// NeSy: Restart Language Server and NeSy: Show Output.
import { restartServer as restart } from '../languageClient';
import { type CommandContext, reportFailure } from './context';

export async function restartServer(context: CommandContext): Promise<void> {
  context.output.appendLine('Restarting the NeSy language server.');
  try {
    await restart(context.client);
  } catch (error) {
    reportFailure(context, 'Restarting the language server', error);
  }
  await context.status.refresh();
}

export function showOutput(context: CommandContext): void {
  context.output.show(true);
}
