// Smoke test of a built .vsix on the machine it is for: unpacks it, checks that its manifest names this
// platform and that it carries this platform's onnxruntime binaries, then runs the package's own inference
// worker (extension/dist/worker.js, as the editor does) with its own onnxruntime-node and models, under
// `auto` (single requests: cpu), on a few sentences and problems. Prints one JSON object; exit 0 when
// every sentence and problem got an answer.
//   node scripts/smoke-package.mjs PACKAGE.vsix [--target T]   T: the package's platform (default: this machine's)
//   node scripts/smoke-package.mjs --run DIR                   only the run, on a package unpacked to DIR
// --run needs no dependency outside the package, so that another Node (an arm64 one under qemu-user, in
// test/unit/package-targets.test.ts) can run it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Shared with the tests: requirement sentences and word problems every platform must answer alike. */
export const sentences = [
  'always avoid the red zone',
  'The robot eventually reaches the goal.',
  'whenever the alarm sounds, the pump stops within 5 seconds',
];
export const problems = [
  '小明有5个苹果，吃了2个，还剩几个？',
  'A shop sold 12 apples in the morning and 3 times as many in the afternoon. How many apples did it sell?',
];

/** Runs the unpacked package's inference worker on the shared inputs; resolves to what it answered. */
export async function runPackage(extensionDir) {
  const worker = new Worker(path.join(extensionDir, 'dist', 'worker.js'), {
    workerData: { modelsDir: path.join(extensionDir, 'models'), executionProvider: 'auto' },
  });
  const pending = new Map();
  let nextId = 1;
  worker.on('message', (m) => {
    if (m.type !== 'result') return;
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(new Error(m.error));
  });
  worker.on('error', (e) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  });
  const request = (task, payload) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ type: 'request', id, task, payload });
    });
  const answer = (p) => p.then((value) => ({ value }), (e) => ({ error: e.message }));
  try {
    // One at a time, as an editor asks: each request's answer must not depend on what else is batched with it.
    const translations = [];
    for (const sentence of sentences) {
      const r = await answer(request('translate', { sentence }));
      translations.push(r.error ? { sentence, error: r.error } : { sentence, formula: r.value.best.formula, ep: r.value.ep });
    }
    const mwp = [];
    for (const text of problems) {
      const r = await answer(request('interpretMwp', text));
      mwp.push(r.error ? { text, error: r.error } : { text, answer: r.value.answer, expression: r.value.expression_infix, ep: r.value.ep });
    }
    return { platform: `${process.platform}-${process.arch}`, node: process.version, translations, mwp };
  } finally {
    await worker.terminate();
  }
}

/** The files of a zip, unpacked into `dir` (yauzl, which the repository's node_modules has). */
export async function unpack(file, dir) {
  const { default: yauzl } = await import('yauzl');
  const zip = await new Promise((resolve, reject) => yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))));
  await new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry) => {
      const target = path.join(dir, entry.fileName);
      if (!target.startsWith(dir + path.sep)) return reject(new Error(`${entry.fileName} points outside the package`));
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      fs.mkdirSync(path.dirname(target), { recursive: true });
      zip.openReadStream(entry, (e, stream) => {
        if (e) return reject(e);
        stream.pipe(fs.createWriteStream(target)).on('finish', () => zip.readEntry()).on('error', reject);
      });
    });
    zip.readEntry();
  });
}

/** The platform a package's manifest names (<Identity ... TargetPlatform="linux-x64"/>). */
export function manifestTarget(vsixManifest) {
  return /<Identity\b[^>]*\bTargetPlatform="([^"]+)"/.exec(vsixManifest)?.[1];
}

function failed(result) {
  return [...result.translations, ...result.mwp].filter((r) => r.error !== undefined || (r.formula ?? r.answer) === '');
}

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { target: { type: 'string' }, run: { type: 'string' } } });
  if (values.run !== undefined) {
    const result = await runPackage(path.resolve(values.run, 'extension'));
    console.log(JSON.stringify(result));
    return failed(result).length === 0 ? 0 : 1;
  }
  if (positionals.length !== 1) {
    console.error('usage: node scripts/smoke-package.mjs PACKAGE.vsix [--target T]  |  --run UNPACKED_DIR');
    return 2;
  }
  const { hostTarget, packagedBinaries, targets } = await import('./targets.mjs');
  const target = values.target ?? hostTarget();
  if (!target || !targets[target]) {
    console.error(`smoke-package: no package is built for ${target ?? `${process.platform}-${process.arch}`}`);
    return 2;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-smoke-'));
  try {
    await unpack(path.resolve(positionals[0]), dir);
    const named = manifestTarget(fs.readFileSync(path.join(dir, 'extension.vsixmanifest'), 'utf8'));
    if (named !== target) throw new Error(`the package's manifest names ${named ?? 'no platform'}, not ${target}`);
    const missing = packagedBinaries(target).filter((f) => !fs.existsSync(path.join(dir, 'extension', f)));
    if (missing.length > 0) throw new Error(`the package lacks ${missing.join(', ')}`);
    const result = await runPackage(path.join(dir, 'extension'));
    console.log(JSON.stringify({ target, ...result }, null, 2));
    const bad = failed(result);
    if (bad.length > 0) throw new Error(`no answer for ${bad.map((b) => JSON.stringify(b.sentence ?? b.text)).join(', ')}`);
    console.error(`smoke-package: ${target} answered ${result.translations.length} sentences and ${result.mwp.length} problems on ${result.translations[0].ep}`);
    return 0;
  } catch (e) {
    console.error(`smoke-package: ${e.message}`);
    return 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => {
    process.exitCode = code;
  });
}
