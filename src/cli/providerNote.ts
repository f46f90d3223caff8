// When a model-loading command says why it skipped GPU providers ("webgpu: no Vulkan …; cuda: …; using
// cpu"). Falling back to cpu under `--ep auto` is the normal case on a machine without a GPU, so it is
// said only with --verbose, or when the user asked for the provider by name (--ep webgpu, --ep cuda).
// The editor's status bar and output channel always show it (src/server/neural.ts).
import type { ExecutionProviderChoice } from '../core/settings';
import { setFallbackNotes } from '../neural/executionProvider';

export function showProviderNote(ep: ExecutionProviderChoice, verbose: boolean): boolean {
  return verbose || ep === 'webgpu' || ep === 'cuda';
}

/** Sets this thread's models to say why providers were skipped, or not, before they load. */
export function reportProviderFallback(ep: ExecutionProviderChoice, verbose: boolean): void {
  setFallbackNotes(showProviderNote(ep, verbose));
}

/** The --verbose option's help line, shared by the commands that load models. */
export const verboseUsage = '--verbose: say on stderr why GPU providers were skipped (always said for --ep webgpu|cuda).';
