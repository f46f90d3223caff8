// Worker thread for `nesy check` over many files (src/core/parallel.ts): checks one file per item.
import { serveParallel } from '../core/parallel';
import { checkFile } from './commands/check';

serveParallel((file: string) => checkFile(file));
