// The registry's entries (src/languages/index.ts) stand in for the services until a document needs
// one: they must describe each service exactly, and the server must not load any service at start-up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build, type Metafile } from 'esbuild';
import { languages, loadedEntry } from '../../src/languages/index';
import { repoRoot } from '../helpers/data';

test('each registry entry describes its service: id, extensions, features, completion triggers', () => {
  for (const entry of languages) {
    const fromService = loadedEntry(entry.load());
    assert.equal(fromService.id, entry.id);
    assert.deepEqual(fromService.extensions, entry.extensions, `extensions of ${entry.id}`);
    assert.deepEqual([...fromService.features].sort(), [...entry.features].sort(), `features of ${entry.id}`);
    assert.deepEqual(fromService.completionTriggerCharacters, entry.completionTriggerCharacters, `completion triggers of ${entry.id}`);
  }
});

/**
 * The modules the server program runs at start-up: those its entry reaches through static imports.
 * Through all of them: a module whose exports esbuild drops still runs the modules it imports.
 */
function startupModules(metafile: Metafile, entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const imported of metafile.inputs[file]?.imports ?? []) {
      // A require() inside a function is the lazy loading.
      if (imported.kind !== 'import-statement' || seen.has(imported.path)) continue;
      seen.add(imported.path);
      queue.push(imported.path);
    }
  }
  return seen;
}

test('the server loads no language and no parser library at start-up', async () => {
  const entry = 'src/server/main.ts';
  const { metafile } = await build({
    absWorkingDir: repoRoot,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode', 'onnxruntime-node'],
    mainFields: ['module', 'main'],
    outfile: 'server.js',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const eager = [...startupModules(metafile, entry)];
  assert.ok(eager.includes('src/languages/index.ts'), 'the registry itself is loaded');
  const languageCode = eager.filter((f) => /^src\/languages\/.+\/|^grammars\/|node_modules\/chevrotain\//.test(f));
  assert.deepEqual(languageCode, [], 'modules the server runs before any document opens');
});
