// Turns the client's `nesy` configuration section into Settings. Values of the wrong shape fall back
// to the default and are reported, so a typo in settings.json never breaks analysis.
import * as path from 'node:path';
import { defaultSettings, executionProviderChoices, type ExecutionProviderChoice, type OperatorStyle, type Settings } from '../core/settings';

const operatorStyles: readonly OperatorStyle[] = ['words', 'ascii', 'unicode'];
const executionProviders: readonly ExecutionProviderChoice[] = executionProviderChoices;

export interface ReadSettings {
  settings: Settings;
  /** nesy.models.path: models to use instead of the bundled ones; never set in untrusted workspaces. */
  modelsDir?: string;
  /** One sentence per ignored value. */
  problems: string[];
}

function child(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, name: string, problems: string[]): T {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`Setting ${name} is ${JSON.stringify(value)}; expected one of ${allowed.join(', ')}. Using ${fallback}.`);
  return fallback;
}

/**
 * `section` is the value of the `nesy` section as workspace/configuration returns it.
 * Untrusted workspaces never get neural features, whatever the settings say.
 */
export function toSettings(section: unknown, trusted: boolean): ReadSettings {
  const problems: string[] = [];
  const disabledRaw = child(child(section, 'diagnostics'), 'disabled');
  let disabledChecks = defaultSettings.disabledChecks;
  if (Array.isArray(disabledRaw)) {
    disabledChecks = disabledRaw.filter((c): c is string => typeof c === 'string');
    if (disabledChecks.length !== disabledRaw.length) problems.push('Setting nesy.diagnostics.disabled holds values that are not check codes; they are ignored.');
  } else if (disabledRaw !== undefined && disabledRaw !== null) {
    problems.push('Setting nesy.diagnostics.disabled must be a list of check codes such as "tl/unused-declaration"; it is ignored.');
  }
  const modelsRaw = child(child(section, 'models'), 'path');
  let modelsDir: string | undefined;
  if (typeof modelsRaw === 'string' && modelsRaw.trim() !== '') {
    if (path.isAbsolute(modelsRaw)) modelsDir = modelsRaw;
    else problems.push(`Setting nesy.models.path must be an absolute path, not ${JSON.stringify(modelsRaw)}; using the bundled models.`);
  }
  return {
    ...(trusted && modelsDir ? { modelsDir } : {}),
    settings: {
      operatorStyle: oneOf(child(section, 'operatorStyle'), operatorStyles, defaultSettings.operatorStyle, 'nesy.operatorStyle', problems),
      disabledChecks,
      executionProvider: oneOf(
        child(child(section, 'inference'), 'executionProvider'),
        executionProviders,
        defaultSettings.executionProvider,
        'nesy.inference.executionProvider',
        problems,
      ),
      neuralEnabled: trusted && defaultSettings.neuralEnabled,
    },
    problems,
  };
}
