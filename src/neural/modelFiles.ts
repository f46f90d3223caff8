// How the neural layer reads its model files: through one small interface, so that the same loaders run on
// both hosts. On Node (the default) from the package's models/ folder on disk (nodeModelFiles.ts); in the web
// worker from the extension's own files, fetched once before a model loads (src/server/browserNeural.ts).
import type * as NodeModelFiles from './nodeModelFiles';

export interface ModelFiles {
  /** The folder (a path on Node, the extension's models/ in the browser) holding nl2tl/ and mwp/. */
  defaultDir(): string;
  exists(file: string): boolean;
  readText(file: string): string;
  readBytes(file: string): Uint8Array;
}

let current: ModelFiles | undefined;

/** Installs the host's model files (the web worker does, before loading a model). */
export function useModelFiles(files: ModelFiles): void {
  current = files;
}

/** The host's model files; Node's file system unless a host installed others. */
export function modelFiles(): ModelFiles {
  return (current ??= (require('./nodeModelFiles') as typeof NodeModelFiles).nodeModelFiles);
}

export function defaultModelsDir(): string {
  return modelFiles().defaultDir();
}

/** Reads a JSON file, turning a missing or corrupt file into one clear line. */
export function readJson<T>(file: string): T {
  let text: string;
  try {
    text = modelFiles().readText(file);
  } catch {
    throw new Error(`Model file not found: ${file}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`Model file is corrupt (not JSON): ${file}`);
  }
}
