// `nesy check [--json] FILE...`: the diagnostics the editor would show, for any registered language.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import type { Host } from '../../core/language';
import { nodeFiles } from '../../core/nodeFiles';
import type { NeuralApi } from '../../core/neuralApi';
import { parallelMap } from '../../core/parallel';
import { defaultSettings, type ExecutionProviderChoice } from '../../core/settings';
import { languageForUri, languages } from '../../languages/index';
import { defaultModelsDir } from '../../neural/modelFiles';
import type { MwpModel } from '../../neural/mwp';
import { executionProviderOption } from './translate';

const severityWord: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export const cliHost: Host = {
  readFile: async (uri) => {
    try {
      return await readFile(new URL(uri), 'utf8');
    } catch {
      return undefined;
    }
  },
  files: nodeFiles,
  log: (message) => process.stderr.write(message + '\n'),
};

/** Reads a file and finds its language; on failure prints why and returns undefined. */
export async function openDocument(command: string, file: string): Promise<TextDocument | undefined> {
  const uri = pathToFileURL(path.resolve(file)).href;
  const language = languageForUri(uri);
  if (!language) {
    const known = languages.flatMap((l) => l.extensions).join(', ');
    process.stderr.write(`nesy ${command}: ${file}: unknown file type; known extensions are ${known}.\n`);
    return undefined;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    process.stderr.write(`nesy ${command}: ${file}: cannot read it (${reason}).\n`);
    return undefined;
  }
  return TextDocument.create(uri, language.id, 1, text);
}

export interface Finding {
  file: string;
  range: Diagnostic['range'];
  severity: string;
  code: string;
  message: string;
}

/** One file's problems; `failed` when it could not be read or has an unknown type (the reason is on stderr). */
export interface FileReport {
  findings: Finding[];
  failed: boolean;
}

/** Whether `nesy check` runs the models the editor runs (the MWP model for .mwp files), and which. */
export interface CheckOptions {
  model: boolean;
  modelsDir?: string;
  ep?: ExecutionProviderChoice;
}

let mwpModel: Promise<MwpModel> | undefined;
const logged = new Set<string>();

/**
 * The host the editor's server gives languages, in this process: the MWP model loads on the first
 * .mwp problem (in this thread, as `nesy mwp` runs it), so `nesy check` reports what the editor
 * reports, mwp/answer-disagrees included. A model that cannot load is said once; the file is then
 * checked without it, as the editor does.
 */
function hostFor(options: CheckOptions): Host {
  if (!options.model) return cliHost;
  const neural: NeuralApi = {
    translate: () => Promise.reject(new Error('nesy check does not translate')),
    interpretMwp: async (text) => {
      mwpModel ??= (require('../../neural/mwp') as typeof import('../../neural/mwp')).MwpModel.load(options.modelsDir ?? defaultModelsDir(), options.ep ?? 'auto');
      const model = await mwpModel;
      return model.interpret(text);
    },
    status: () => ({ ep: null }),
  };
  return {
    ...cliHost,
    neural,
    log: (message) => {
      if (logged.has(message)) return;
      logged.add(message);
      cliHost.log(message);
    },
  };
}

/** Releases the model a check loaded. */
export async function closeCheckModels(): Promise<void> {
  const pending = mwpModel;
  mwpModel = undefined;
  await pending?.then((m) => m.close(), () => undefined);
}

export async function checkFile(file: string, options: CheckOptions = { model: false }): Promise<FileReport> {
  const document = await openDocument('check', file);
  if (!document) return { findings: [], failed: true };
  const analysis = await languageForUri(document.uri)!.analyze(document, defaultSettings, hostFor(options));
  const findings = analysis.diagnostics.map((d: Diagnostic): Finding => ({
    file,
    range: d.range,
    severity: severityWord[(d.severity ?? DiagnosticSeverity.Error) as DiagnosticSeverity],
    code: String(d.code ?? ''),
    message: d.message,
  }));
  return { findings, failed: false };
}

/** Below this many files, starting worker threads costs more than it saves. */
const parallelFrom = 8;

/** The worker bundle next to dist/cli.js, or its source when running under tsx. */
function checkWorker(): string {
  return __filename.endsWith('.ts') ? path.join(__dirname, '..', 'checkWorker.ts') : path.join(__dirname, 'check-worker.js');
}

/** Many files are checked on worker threads, one per core, with a progress bar when stderr is a terminal. */
async function checkFiles(files: string[], options: CheckOptions): Promise<FileReport[]> {
  if (files.length < parallelFrom) {
    const reports: FileReport[] = [];
    for (const file of files) reports.push(await checkFile(file, options));
    await closeCheckModels();
    return reports;
  }
  return parallelMap<string, FileReport>(files, { worker: checkWorker(), label: 'nesy check', data: options });
}

export const check: CliCommand = {
  name: 'check',
  summary: 'Report problems in .tl, .fol and .mwp files, as the editor shows them',
  usage: [
    'usage: nesy check [--json] [--no-model] [--models DIR] [--ep auto|cpu|webgpu|cuda|dml|coreml] FILE...',
    '',
    'Prints one line per problem: file:line:col severity code message (line and column from 1).',
    'With --json, prints an array of {file, range:{start:{line,character},end:{line,character}},',
    'severity, code, message} with 0-based positions, as in the Language Server Protocol.',
    '.mwp files are checked against the MWP model, as in the editor (mwp/equation-disagrees,',
    'mwp/answer-disagrees); --no-model checks only their syntax and arithmetic.',
    'Exit status: 0 no errors, 1 some file has errors, 2 a file could not be read or has an unknown type.',
  ].join('\n'),
  async run(args) {
    let values;
    let files: string[];
    let ep: ExecutionProviderChoice;
    try {
      ({ values, positionals: files } = parseArgs({
        args,
        allowPositionals: true,
        options: { json: { type: 'boolean' }, 'no-model': { type: 'boolean' }, models: { type: 'string' }, ep: { type: 'string' } },
      }));
      ep = executionProviderOption(values.ep, 'check');
    } catch (e) {
      process.stderr.write(`nesy check: ${(e as Error).message.replace(/^nesy check: /, '')}\n`);
      return 2;
    }
    const json = values.json === true;
    if (files.length === 0) {
      process.stderr.write('nesy check: give at least one file.\n');
      return 2;
    }
    const model = values['no-model'] !== true && files.some((f) => f.toLowerCase().endsWith('.mwp'));
    const reports = await checkFiles(files, { model, ep, ...(values.models ? { modelsDir: values.models } : {}) });
    const findings = reports.flatMap((r) => r.findings);
    const failed = reports.some((r) => r.failed);
    if (json) process.stdout.write(JSON.stringify(findings, null, 2) + '\n');
    else {
      for (const f of findings) {
        process.stdout.write(`${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}\n`);
      }
    }
    if (failed) return 2;
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};
