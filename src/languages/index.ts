// The language registry: the only place that knows which languages exist.
// Each entry says what the server must know before a document of the language opens (id, file
// extensions, the features it declares at initialize); the service itself, with its parser, loads on
// first use. Loading every language at start-up cost the server most of its 300 ms activation budget
// (Chevrotain building the .fol lexer and parser alone took ~90 ms; BENCHMARKS.md), though most
// sessions open one language. The esbuild bundle keeps a module reached only through `require()` in
// a function that runs its top-level code on the first call, so these requires are the lazy loading.
// test/unit/language-registry.test.ts checks each entry against its service.
import type { LanguageService } from '../core/language';

/** The optional features of a LanguageService, each an editor request the server may declare. */
export type LanguageFeature = Exclude<keyof LanguageService, 'id' | 'extensions' | 'analyze' | 'completionTriggerCharacters'>;

export interface LanguageEntry {
  /** The service's id. */
  readonly id: string;
  /** The service's extensions. */
  readonly extensions: readonly string[];
  /** The features the service implements. */
  readonly features: readonly LanguageFeature[];
  /** The service's completionTriggerCharacters. */
  readonly completionTriggerCharacters?: readonly string[];
  /** The service, loaded by the first call. */
  load(): LanguageService<any>;
}

/** An entry for a service that is already loaded (tests' fixture languages). */
export function loadedEntry(service: LanguageService<any>): LanguageEntry {
  const { id, extensions, completionTriggerCharacters } = service;
  const features = (Object.keys(service) as (keyof LanguageService)[]).filter(
    (key): key is LanguageFeature => key !== 'analyze' && typeof service[key] === 'function',
  );
  return { id, extensions, features, ...(completionTriggerCharacters ? { completionTriggerCharacters } : {}), load: () => service };
}

function lazyEntry(entry: Omit<LanguageEntry, 'load'>, load: () => LanguageService<any>): LanguageEntry {
  let service: LanguageService<any> | undefined;
  return { ...entry, load: () => (service ??= load()) };
}

export const languages: readonly LanguageEntry[] = [
  lazyEntry(
    {
      id: 'tl',
      extensions: ['.tl', '.ltl', '.stl', '.mtl'],
      features: ['format', 'codeActions', 'hover', 'completion', 'documentSymbols', 'definition', 'references', 'prepareRename', 'rename', 'semanticTokens', 'foldingRanges', 'codeLenses'],
      completionTriggerCharacters: ['('],
    },
    () => (require('./tl/service') as typeof import('./tl/service')).tlLanguage,
  ),
  lazyEntry(
    {
      id: 'fol',
      extensions: ['.fol'],
      features: ['hover', 'completion', 'format', 'definition', 'references', 'prepareRename', 'rename', 'documentSymbols', 'codeActions', 'semanticTokens', 'foldingRanges'],
      completionTriggerCharacters: ['(', '.'],
    },
    () => (require('./fol/service') as typeof import('./fol/service')).folLanguage,
  ),
  lazyEntry(
    {
      id: 'mwp',
      extensions: ['.mwp'],
      features: ['hover', 'inlayHints', 'codeLenses', 'codeActions', 'documentSymbols', 'foldingRanges', 'format'],
    },
    () => (require('./mwp/index') as typeof import('./mwp/index')).mwpLanguage,
  ),
];

/** The entry whose file extension the URI has. */
export function entryForUri(uri: string, entries: readonly LanguageEntry[] = languages): LanguageEntry | undefined {
  const path = uri.toLowerCase();
  return entries.find((l) => l.extensions.some((ext) => path.endsWith(ext)));
}

/** The language of a file by its extension, loading it. */
export function languageForUri(uri: string): LanguageService<any> | undefined {
  return entryForUri(uri)?.load();
}

/** A language by its id, loading it. */
export function languageById(id: string): LanguageService<any> | undefined {
  return languages.find((l) => l.id === id)?.load();
}
