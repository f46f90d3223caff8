// User settings as the server sees them. Defaults live here and in package.json's
// contributes.configuration; test/unit/manifest.test.ts checks that the two agree.
export type OperatorStyle = 'words' | 'ascii' | 'unicode';
/** `auto`, or a provider by name: cpu, WebGPU (Linux: Dawn on Vulkan), CUDA (Linux x64), DirectML (Windows), CoreML (macOS). */
export const executionProviderChoices = ['auto', 'cpu', 'webgpu', 'cuda', 'dml', 'coreml'] as const;
export type ExecutionProviderChoice = (typeof executionProviderChoices)[number];

export interface Settings {
  operatorStyle: OperatorStyle;
  /** Check codes switched off by the user, e.g. ['tl/unused-declaration']. */
  disabledChecks: string[];
  executionProvider: ExecutionProviderChoice;
  /** false in untrusted workspaces: no models are loaded. */
  neuralEnabled: boolean;
}

export const defaultSettings: Settings = {
  operatorStyle: 'ascii',
  disabledChecks: [],
  executionProvider: 'auto',
  neuralEnabled: true,
};
