// `nesy eval <task> --data FILE [...]`: measures a model on a labelled data file.
import type { CliCommand } from '../command';
import { evalTasks } from '../eval/index';

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'Measure a neural model on labelled data (nesy eval nl2tl --data FILE.jsonl)',
  usage: ['usage: nesy eval <task> [options]', '', ...evalTasks.map((t) => t.usage)].join('\n'),
  async run(args) {
    const [name, ...rest] = args;
    const task = evalTasks.find((t) => t.name === name);
    if (!task) {
      process.stderr.write(`nesy eval: give a task (${evalTasks.map((t) => t.name).join(', ')}), e.g. nesy eval nl2tl --data dev.jsonl\n`);
      return 2;
    }
    return task.run(rest);
  },
};
