// The tasks `nesy eval <task>` knows; each module reads its data and prints one JSON object.
import { nl2tlEval } from './nl2tl';
import { mwpEval } from './mwp';

export interface EvalTask {
  name: string;
  /** Usage lines for this task's options. */
  usage: string;
  run(args: string[]): Promise<number>;
}

export const evalTasks: EvalTask[] = [nl2tlEval, mwpEval];
