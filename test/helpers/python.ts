// The Python that the parity tests run PyTorch with: NESY_PYTHON, else Debian's, else the first on
// PATH, whichever can import torch and onnx (CI installs them for /usr/bin/python3).
import { spawnSync } from 'node:child_process';

export function pythonWithTorch(): string | undefined {
  for (const py of [process.env.NESY_PYTHON, '/usr/bin/python3', 'python3'].filter((p): p is string => !!p)) {
    const r = spawnSync(py, ['-c', 'import torch, onnx'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return undefined;
}

/** A Python that can import NumPy (for the reference tests of `nesy check-predictions`): NESY_PYTHON, Debian's, or the first on PATH. */
export function pythonWithNumpy(): string | undefined {
  for (const py of [process.env.NESY_PYTHON, '/usr/bin/python3', 'python3'].filter((p): p is string => !!p)) {
    const r = spawnSync(py, ['-c', 'import numpy'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return undefined;
}
