// Where the committed models live: models/ at the package root, found from this bundle's folder
// (dist/ or src/neural/), or NESY_MODELS.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function defaultModelsDir(): string {
  if (process.env.NESY_MODELS) return process.env.NESY_MODELS;
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'models');
    if (fs.existsSync(path.join(candidate, 'nl2tl'))) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve(__dirname, '..', 'models');
}

/** Reads a JSON file, turning a missing or corrupt file into one clear line. */
export function readJson<T>(file: string): T {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`Model file not found: ${file}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`Model file is corrupt (not JSON): ${file}`);
  }
}
