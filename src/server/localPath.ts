// The local file a Node-only request names: a file:// URI or an absolute path, else InvalidParams in one line.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';

/** `what` names the parameter in the error ("trace", "predictions file"). */
export function localPath(value: string, what: string): string {
  if (value.startsWith('file:')) {
    try {
      return fileURLToPath(value);
    } catch {
      // falls through to the error below
    }
  } else if (path.isAbsolute(value)) {
    return value;
  }
  throw new ResponseError(ErrorCodes.InvalidParams, `The ${what} must be a file:// URI or an absolute path, not ${JSON.stringify(value)}.`);
}
