// Worker thread for `nesy check` over many files (src/core/parallel.ts): checks one file per item.
import { serveParallel } from '../core/parallel';
import { checkFile, type CheckOptions } from './commands/check';

serveParallel((file: string, options) => checkFile(file, (options as CheckOptions | undefined) ?? { model: false }));
