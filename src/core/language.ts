// The one interface every language implements. The server, the CLI and the tests talk to
// languages only through it, so a new language is one folder plus one line in src/languages/index.ts.
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  InlayHint,
  Location,
  Position,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from './settings';

/** What every language's analysis carries; each language extends it with its own AST. */
export interface Analysis {
  readonly document: TextDocument;
  readonly diagnostics: Diagnostic[];
}

/** What lies at a URI, as a host's file system sees it. */
export type FileStat =
  | {
      kind: 'file' | 'directory' | 'other';
      size: number;
      /** Where links lead; the URI itself where the file system has no links or cannot tell. */
      realUri: string;
    }
  | { kind: 'missing' }
  | { kind: 'loop' };

/**
 * The part of a file system that languages use (hierarchy imports), by URI, so that one code path serves
 * both hosts: src/core/nodeFiles.ts (Node's fs, file: URIs) and the web server's, which asks the editor
 * (vscode.workspace.fs) and so reads github.dev's virtual files too.
 */
export interface HostFiles {
  stat(uri: string): Promise<FileStat>;
  /** The file's text; rejects with a one-line message when it cannot be read. */
  readText(uri: string): Promise<string>;
  /** The workspace folders; each also bounds where imports may reach, like a project marker. */
  folders?(): readonly string[];
}

/** Services a language needs from its host (server or CLI) without importing either. */
export interface Host {
  /** Reads a file that a document refers to (hierarchy imports); resolves relative to the workspace. */
  readFile?(uri: string): Promise<string | undefined>;
  /** The file system behind readFile: Node's for the Node server and the CLI, the editor's in the browser. */
  files?: HostFiles;
  /** Neural features; absent when models are disabled (untrusted workspace, CLI without models). */
  neural?: import('./neuralApi').NeuralApi;
  log(message: string): void;
}

type MaybePromise<T> = T | Promise<T>;

export interface LanguageService<A extends Analysis = Analysis> {
  /** VS Code language id, e.g. 'tl'. */
  readonly id: string;
  /** File extensions including the dot, e.g. ['.tl', '.ltl']. */
  readonly extensions: readonly string[];
  /**
   * previous: this language's last analysis of an earlier version of the same document, made with the
   * same settings and dependencies, for a language that can reuse part of it. The result must be what
   * an analysis without it would give.
   */
  analyze(document: TextDocument, settings: Settings, host: Host, previous?: A): MaybePromise<A>;
  hover?(a: A, position: Position, host: Host): MaybePromise<Hover | null>;
  completion?(a: A, position: Position): CompletionItem[];
  /**
   * Characters after which the editor asks for completion without waiting for a letter. Only those
   * after which `completion` offers what may come next belong here; word characters trigger anyway.
   */
  readonly completionTriggerCharacters?: readonly string[];
  codeActions?(a: A, range: Range, diagnostics: Diagnostic[], settings: Settings, host?: Host): MaybePromise<CodeAction[]>;
  documentSymbols?(a: A): DocumentSymbol[];
  definition?(a: A, position: Position): Location[];
  references?(a: A, position: Position, includeDeclaration: boolean): Location[];
  prepareRename?(a: A, position: Position): Range | null;
  rename?(a: A, position: Position, newName: string): WorkspaceEdit | null;
  format?(a: A, options: FormattingOptions, settings: Settings): TextEdit[];
  /** Semantic tokens as absolute entries; the server encodes them against the shared legend. */
  semanticTokens?(a: A): SemanticToken[];
  foldingRanges?(a: A): FoldingRange[];
  codeLenses?(a: A): CodeLens[];
  inlayHints?(a: A, range: Range, host: Host): MaybePromise<InlayHint[]>;
}

export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: SemanticTokenType;
  modifiers?: SemanticTokenModifier[];
}

/** The shared legend. Order matters: it is the wire encoding. */
export const semanticTokenTypes = [
  'keyword',
  'operator',
  'variable',
  'function',
  'class',
  'number',
  'string',
  'comment',
  'type',
  'property',
  'parameter',
  'enumMember',
] as const;
export type SemanticTokenType = (typeof semanticTokenTypes)[number];
export const semanticTokenModifiers = ['declaration', 'definition', 'readonly', 'documentation'] as const;
export type SemanticTokenModifier = (typeof semanticTokenModifiers)[number];
