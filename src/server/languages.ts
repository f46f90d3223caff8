// The server's languages: which one a document belongs to, each loaded on its first document or
// request (src/languages/index.ts says why), with a line in the output channel when it loads.
import type { LanguageService } from '../core/language';
import { entryForUri, loadedEntry, type LanguageEntry } from '../languages/index';

export class ServerLanguages {
  readonly entries: readonly LanguageEntry[];
  private readonly loaded = new Set<string>();

  /** Tests may pass services themselves; the registry passes entries. */
  constructor(
    languages: readonly (LanguageEntry | LanguageService<any>)[],
    private readonly log: (message: string) => void,
  ) {
    this.entries = languages.map((l) => ('load' in l ? l : loadedEntry(l)));
  }

  /** The editor's language id decides (untitled documents have no extension); the extension is the fallback. */
  forDocument(uri: string, languageId: string | undefined): LanguageService<any> | undefined {
    const entry = this.entries.find((l) => l.id === languageId) ?? entryForUri(uri, this.entries);
    return entry && this.load(entry);
  }

  private load(entry: LanguageEntry): LanguageService<any> {
    if (this.loaded.has(entry.id)) return entry.load();
    const start = performance.now();
    const service = entry.load();
    this.loaded.add(entry.id);
    this.log(`Loaded the ${entry.id} language in ${Math.round(performance.now() - start)} ms.`);
    return service;
  }
}
