// `nesy format --style words|ascii|unicode FILE`: prints the file formatted in an operator style.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CliCommand } from '../command';
import { defaultSettings, type OperatorStyle } from '../../core/settings';
import { languageForUri } from '../../languages/index';
import { cliHost, openDocument } from './check';

const styles: readonly OperatorStyle[] = ['words', 'ascii', 'unicode'];

export const format: CliCommand = {
  name: 'format',
  summary: 'Print a file formatted in an operator style (words, ascii or unicode)',
  usage: [
    'usage: nesy format [--style words|ascii|unicode] FILE',
    '',
    'Prints FILE formatted, with operators spelled in the chosen style (default: ascii).',
    'Comments and descriptions are kept; statements with syntax errors are printed unchanged.',
  ].join('\n'),
  async run(args) {
    let style: OperatorStyle = defaultSettings.operatorStyle;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const value = a === '--style' ? args[++i] : a.startsWith('--style=') ? a.slice('--style='.length) : undefined;
      if (a === '--style' || a.startsWith('--style=')) {
        if (!value || !styles.includes(value as OperatorStyle)) {
          process.stderr.write(`nesy format: --style must be one of ${styles.join(', ')}.\n`);
          return 2;
        }
        style = value as OperatorStyle;
      } else files.push(a);
    }
    if (files.length !== 1) {
      process.stderr.write('nesy format: give exactly one file.\n');
      return 2;
    }
    const document = await openDocument('format', files[0]!);
    if (!document) return 2;
    const language = languageForUri(document.uri)!;
    if (!language.format) {
      process.stderr.write(`nesy format: ${files[0]}: this language has no formatter.\n`);
      return 2;
    }
    const settings = { ...defaultSettings, operatorStyle: style };
    const analysis = await language.analyze(document, settings, cliHost);
    const edits = language.format(analysis, { tabSize: 2, insertSpaces: true }, settings);
    process.stdout.write(TextDocument.applyEdits(document, edits));
    return 0;
  },
};
