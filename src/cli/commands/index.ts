import type { CliCommand } from '../command';
import { checkPredictionsCommand } from './check-predictions';
import { lsp } from './lsp';
import { parse } from './parse';
import { explain } from './explain';
import { equiv } from './equiv';
import { format } from './format';
import { check } from './check';
import { translate } from './translate';
import { evalCommand } from './eval';
import { mwp } from './mwp';
import { bench } from './bench';
import { monitor } from './monitor';
import { mergeReportsCommand } from './merge-reports';

export const commands: CliCommand[] = [parse, explain, equiv, format, check, lsp, checkPredictionsCommand, mergeReportsCommand, translate, evalCommand, mwp, monitor, bench];
