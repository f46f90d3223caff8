// The suite entry for a real VS Code: the `run(): Promise<void>` contract of @vscode/test-electron, which the
// code-server runner honours too. It runs the bundled `*.test.js` beside it with mocha and, when
// NESY_E2E_RESULTS names a file, writes the pass/fail counts there for the runner to report.
// `restricted-*.test.js` need an untrusted workspace, which a launch of their own provides: they run when
// NESY_E2E_RESTRICTED=1, and every other suite runs otherwise.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // Without this the reporter prints raw format strings in the extension host's console.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const restricted = process.env.NESY_E2E_RESTRICTED === '1';
  const suites = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js') && f.startsWith('restricted-') === restricted);
  for (const file of suites.sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const failures: { title: string; error: string }[] = [];
    let passed = 0;
    const runner = mocha.run((failed) => {
      const results = process.env.NESY_E2E_RESULTS;
      if (results) fs.writeFileSync(results, JSON.stringify({ passed, failed, failures }, null, 2));
      if (failed > 0) reject(new Error(`${failed} test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => passed++);
    runner.on('fail', (t, error: Error) => failures.push({ title: t.fullTitle(), error: error?.message ?? String(error) }));
  });
}
