// The server's own commands (workspace/executeCommand); their ids are ServerCommands in src/core/protocol.ts.
import { ErrorCodes, LSPErrorCodes, ResponseError, type FormattingOptions, type WorkspaceEdit } from 'vscode-languageserver';
import { ServerCommands } from '../core/protocol';
import type { OperatorStyle, Settings } from '../core/settings';
import type { Analyzed } from './analyses';

export const serverCommandIds: readonly string[] = Object.values(ServerCommands);

const styles: readonly OperatorStyle[] = ['words', 'ascii', 'unicode'];

export interface ConvertStyleArgs {
  uri: string;
  style: OperatorStyle;
  options: FormattingOptions;
}

export function convertStyleArgs(args: unknown[] | undefined): ConvertStyleArgs {
  const arg = args?.[0];
  const { uri, style, options } = (typeof arg === 'object' && arg !== null ? arg : {}) as Record<string, unknown>;
  if (typeof uri !== 'string' || !styles.includes(style as OperatorStyle)) {
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      `${ServerCommands.convertStyle} needs one argument { uri, style } with style one of ${styles.join(', ')}.`,
    );
  }
  const formatting =
    typeof options === 'object' && options !== null && typeof (options as FormattingOptions).tabSize === 'number'
      ? (options as FormattingOptions)
      : { tabSize: 2, insertSpaces: true };
  return { uri, style: style as OperatorStyle, options: formatting };
}

/** The edit that reprints the document with the requested operator style, through the language's formatter. */
export function convertStyleEdit(analyzed: Analyzed, args: ConvertStyleArgs, settings: Settings): WorkspaceEdit {
  const format = analyzed.language.format;
  if (!format) {
    throw new ResponseError(LSPErrorCodes.RequestFailed, `${analyzed.language.id} files have no formatter, so their operator style cannot be converted.`);
  }
  const edits = format.call(analyzed.language, analyzed.analysis, args.options, { ...settings, operatorStyle: args.style });
  return { changes: { [args.uri]: edits } };
}
