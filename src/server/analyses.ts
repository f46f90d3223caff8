// One analysis per open document, keyed by version. Validation waits for typing to pause, and work
// for a version that has since changed is never published; feature requests share the analysis of
// the version they were made on, starting it at once if the pause has not yet run out.
import {
  DiagnosticSeverity,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Diagnostic,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, LanguageService } from '../core/language';

/** Published when a language's analysis throws, so the user sees why a file shows nothing. */
export const internalErrorCode = 'nesy/internal-error';

export interface Analyzed {
  language: LanguageService<any>;
  analysis: Analysis;
  document: TextDocument;
}

type Outcome = { ok: true; value: Analyzed } | { ok: false; document: TextDocument; error: unknown };

interface Entry {
  version: number;
  outcome: Promise<Outcome>;
}

export interface AnalysesOptions {
  document(uri: string): TextDocument | undefined;
  language(uri: string): LanguageService<any> | undefined;
  /** Runs the language's analysis with the current settings; readFile records what the document depends on. */
  analyze(
    language: LanguageService<any>,
    document: TextDocument,
    readFile: (uri: string) => Promise<string | undefined>,
    previous: Analysis | undefined,
  ): Promise<Analysis>;
  readFile(uri: string): Promise<string | undefined>;
  /** Resolves once pending settings reads are applied. */
  settled(): Promise<void>;
  publish(document: TextDocument, diagnostics: Diagnostic[]): void;
  clear(uri: string): void;
  log(message: string): void;
  debounceMs: number;
}

export class Analyses {
  private readonly current = new Map<string, Entry>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** For each document, the files its latest analysis read. */
  private readonly reads = new Map<string, Set<string>>();
  /** For each document, its last completed analysis under the current settings, for the next one to continue from. */
  private readonly latest = new Map<string, Analyzed>();

  constructor(private readonly options: AnalysesOptions) {}

  /**
   * Validates an open document: at once when no validation is waiting for it, since a lone edit's
   * diagnostics are what the user waits for; an edit that arrives while one waits (the rest of a
   * burst) pushes it back until edits pause for debounceMs, so the burst is validated once. A result
   * for a version superseded meanwhile is not published.
   */
  schedule(uri: string): void {
    if (!this.options.document(uri) || !this.options.language(uri)) return;
    const waiting = this.timers.has(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => void this.validate(uri), waiting ? this.options.debounceMs : 0),
    );
  }

  /** Forgets the analysis (settings or a dependency changed) and validates again. */
  invalidate(uri: string): void {
    this.current.delete(uri);
    this.latest.delete(uri);
    this.schedule(uri);
  }

  /** Re-validates the open documents whose analysis read `uri`. */
  dependencyChanged(uri: string): void {
    for (const [doc, files] of this.reads) {
      if (doc !== uri && files.has(uri)) this.invalidate(doc);
    }
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.current.delete(uri);
    this.latest.delete(uri);
    this.reads.delete(uri);
    this.options.clear(uri);
  }

  /**
   * The analysis of the document's current version, or undefined when the document is not open,
   * has no language, or its analysis failed. Answers RequestCancelled when the token fires while
   * waiting and ContentModified when the document changes meanwhile.
   */
  async get(uri: string, token?: CancellationToken): Promise<Analyzed | undefined> {
    // The request's positions refer to the version open when it arrived.
    const requested = this.options.document(uri)?.version;
    if (requested === undefined) return undefined;
    // A settings change being read may invalidate the analysis; features must see the new one.
    await this.options.settled();
    const document = this.options.document(uri);
    if (!document) return undefined;
    if (document.version !== requested) throw contentModified();
    const entry = this.entry(uri, document);
    if (!entry) return undefined;
    const outcome = await untilCancelled(entry.outcome, token);
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    const now = this.options.document(uri);
    if (!now) return undefined;
    if (now.version !== entry.version) throw contentModified();
    return outcome?.ok ? outcome.value : undefined;
  }

  private entry(uri: string, document: TextDocument): Entry | undefined {
    const language = this.options.language(uri);
    if (!language) return undefined;
    let entry = this.current.get(uri);
    if (!entry || entry.version !== document.version) {
      // TextDocuments updates documents in place; the analysis gets a copy that later edits cannot move under it.
      const snapshot = TextDocument.create(document.uri, document.languageId, document.version, document.getText());
      const previous = this.latest.get(uri);
      const created: Entry = { version: snapshot.version, outcome: this.run(uri, language, snapshot, previous?.language === language ? previous.analysis : undefined) };
      // Kept only while current: an invalidation since (settings, a dependency) makes it unfit to continue from.
      void created.outcome.then((outcome) => {
        if (outcome.ok && this.current.get(uri) === created) this.latest.set(uri, outcome.value);
      });
      entry = created;
      this.current.set(uri, entry);
    }
    return entry;
  }

  private async validate(uri: string): Promise<void> {
    this.timers.delete(uri);
    const document = this.options.document(uri);
    if (!document) return;
    const entry = this.entry(uri, document);
    if (!entry) return;
    const outcome = await entry.outcome;
    // Superseded by a newer version or an invalidation, whose own validation publishes.
    if (this.current.get(uri) !== entry || this.options.document(uri)?.version !== entry.version) return;
    if (outcome.ok) {
      this.options.publish(outcome.value.document, outcome.value.analysis.diagnostics);
    } else {
      this.options.publish(outcome.document, [internalErrorDiagnostic(outcome.error)]);
    }
  }

  private async run(uri: string, language: LanguageService<any>, document: TextDocument, previous: Analysis | undefined): Promise<Outcome> {
    const files = new Set<string>();
    try {
      const analysis = await this.options.analyze(
        language,
        document,
        (file) => {
          files.add(file);
          return this.options.readFile(file);
        },
        previous,
      );
      return { ok: true, value: { language, analysis, document } };
    } catch (error) {
      this.options.log(`Analysis of ${uri} (version ${document.version}) failed: ${describe(error)}`);
      return { ok: false, document, error };
    } finally {
      if (this.options.document(uri)) this.reads.set(uri, files);
    }
  }
}

function contentModified(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while the request waited for its analysis.');
}

function untilCancelled<T>(promise: Promise<T>, token: CancellationToken | undefined): Promise<T | undefined> {
  if (!token) return promise;
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const listener = token.onCancellationRequested(() => {
      listener.dispose();
      resolve(undefined);
    });
    promise.then(
      (value) => {
        listener.dispose();
        resolve(value);
      },
      (error) => {
        listener.dispose();
        reject(error);
      },
    );
  });
}

export function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

function internalErrorDiagnostic(error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: 'nesy',
    code: internalErrorCode,
    message: `NeSy could not analyse this file (${message}). The NeSy output channel has the details.`,
  };
}
