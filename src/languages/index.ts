// The language registry: the only place that knows which languages exist.
import type { LanguageService } from '../core/language';
import { folLanguage } from './fol/service';
import { tlLanguage } from './tl/service';
import { mwpLanguage } from './mwp/index';

export const languages: LanguageService<any>[] = [tlLanguage, folLanguage, mwpLanguage];

export function languageForUri(uri: string): LanguageService<any> | undefined {
  const path = uri.toLowerCase();
  return languages.find((l) => l.extensions.some((ext) => path.endsWith(ext)));
}

export function languageById(id: string): LanguageService<any> | undefined {
  return languages.find((l) => l.id === id);
}
