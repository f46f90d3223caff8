// The Node host's InferenceRuntime: onnxruntime-node's native addon, model files by path, and what this
// machine's build and drivers allow (executionProvider.ts decides from it). The web worker's is in
// src/server/browserNeural.ts.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { webgpuSkipReason, type InferenceRuntime, type ProviderProbe, type VulkanProbe } from './executionProvider';

type OrtNode = typeof import('onnxruntime-node');

let ortModule: OrtNode | undefined;

/** Loads the native addon on first use. */
function ortNode(): OrtNode {
  if (!ortModule) {
    ortModule = require('onnxruntime-node') as OrtNode;
    // Failed providers are reported in one line by createSessions; onnxruntime's own logs would repeat them.
    ortModule.env.logLevel = 'fatal';
  }
  return ortModule;
}

const thisMachine: VulkanProbe = {
  platform: process.platform,
  env: process.env,
  home: os.homedir(),
  loadLoader() {
    try {
      // Not a Node addon, so a successful dlopen ends in "did not self-register", and Node closes it again.
      process.dlopen({ exports: {} }, 'libvulkan.so.1');
      return undefined;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return /did not self-register/.test(message) ? undefined : message;
    }
  },
  hasManifest(dir) {
    try {
      return fs.readdirSync(dir).some((f) => f.endsWith('.json'));
    } catch {
      return false;
    }
  },
};

let webgpuSkip: { reason: string | undefined } | undefined;

/** webgpuSkipReason for this process, checked once. */
function webgpuSkipHere(): string | undefined {
  webgpuSkip ??= { reason: webgpuSkipReason(thisMachine) };
  return webgpuSkip.reason;
}

/** onnxruntime-node's own folder of native binaries for this platform. */
function bindingDir(): string {
  return path.join(path.dirname(require.resolve('onnxruntime-node')), '..', 'bin', 'napi-v6', process.platform, process.arch);
}

let probeHere: ProviderProbe | undefined;

function providerProbe(): ProviderProbe {
  probeHere ??= {
    target: `${process.platform}-${process.arch}`,
    backends: ortNode().listSupportedBackends(),
    hasLibrary: (file) => fs.existsSync(path.join(bindingDir(), file)),
    webgpuSkip: webgpuSkipHere,
  };
  return probeHere;
}

export const nodeRuntime: InferenceRuntime = {
  ort: async () => ortNode(),
  platform: process.platform,
  probe: providerProbe,
  modelSource: (file) => file,
};
