// `nesy eval <task> --data FILE [...]`: measures a model on a labelled data file.
import type { CliCommand } from '../command';
import { verboseCorpusRuns } from '../corpus';
import { evalTasks } from '../eval/index';
import { verboseUsage } from '../providerNote';

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'Measure a neural model on labelled data (nesy eval nl2tl --data FILE.jsonl)',
  usage: ['usage: nesy eval <task> [options] [--verbose]', '', ...evalTasks.map((t) => t.usage), '', verboseUsage].join('\n'),
  async run(args) {
    // --verbose goes with every task, so it is taken here rather than by each task's options.
    verboseCorpusRuns(args.includes('--verbose'));
    const [name, ...rest] = args.filter((a) => a !== '--verbose');
    const task = evalTasks.find((t) => t.name === name);
    if (!task) {
      process.stderr.write(`nesy eval: give a task (${evalTasks.map((t) => t.name).join(', ')}), e.g. nesy eval nl2tl --data dev.jsonl\n`);
      return 2;
    }
    return task.run(rest);
  },
};
