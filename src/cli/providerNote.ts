// When a model-loading command says why it skipped GPU providers ("webgpu: no Vulkan …; cuda: …; using
// cpu", or that `auto` keeps a single request on cpu). Running on cpu under `--ep auto` is the normal case
// on a machine without a GPU, and for single requests everywhere, so it is said only with --verbose, or
// when the user asked for a GPU provider by name (--ep webgpu, cuda, dml, coreml).
// The editor's status bar and output channel always show it (src/server/neural.ts).
import type { ExecutionProviderChoice } from '../core/settings';
import { setFallbackNotes } from '../neural/executionProvider';

export function showProviderNote(ep: ExecutionProviderChoice, verbose: boolean): boolean {
  return verbose || (ep !== 'auto' && ep !== 'cpu');
}

/** Sets this thread's models to say why providers were skipped, or not, before they load. */
export function reportProviderFallback(ep: ExecutionProviderChoice, verbose: boolean): void {
  setFallbackNotes(showProviderNote(ep, verbose));
}

/** The --verbose option's help line, shared by the commands that load models. */
export const verboseUsage = '--verbose: say on stderr which provider runs and why GPU providers were skipped (always said for --ep webgpu|cuda|dml|coreml).';
