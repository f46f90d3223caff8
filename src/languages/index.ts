// The language registry: the only place that knows which languages exist.
import type { LanguageService } from '../core/language';

export const languages: LanguageService<any>[] = [];

export function languageForUri(uri: string): LanguageService<any> | undefined {
  const path = uri.toLowerCase();
  return languages.find((l) => l.extensions.some((ext) => path.endsWith(ext)));
}

export function languageById(id: string): LanguageService<any> | undefined {
  return languages.find((l) => l.id === id);
}
