// ModelFiles on disk: models/ at the package root, found from this bundle's folder (dist/ or src/neural/),
// or NESY_MODELS.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ModelFiles } from './modelFiles';

export const nodeModelFiles: ModelFiles = {
  defaultDir() {
    if (process.env.NESY_MODELS) return process.env.NESY_MODELS;
    let dir = __dirname;
    for (let i = 0; i < 4; i++) {
      const candidate = path.join(dir, 'models');
      if (fs.existsSync(path.join(candidate, 'nl2tl'))) return candidate;
      dir = path.dirname(dir);
    }
    return path.resolve(__dirname, '..', 'models');
  },
  exists: (file) => fs.existsSync(file),
  readText: (file) => fs.readFileSync(file, 'utf8'),
  readBytes: (file) => fs.readFileSync(file),
};
