// What a user sees in the workbench, driven through the real UI in Chromium: the status bar item, a hover,
// the quick-fix menu, the translation quick pick, the robustness plot and the predictions report (a rule's map on a
// click), with screenshots of the last five, and the notification after the language server crashed too often.
// Each check returns { title, ok, error }.
import * as fs from 'node:fs';
import * as path from 'node:path';

const editorText = '.monaco-editor .view-lines';

export async function runUiChecks(browser, { url, workspace, screenshots, failedShots, serverModule, log }) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const results = [];
  const check = async (title, body) => {
    try {
      await body();
      results.push({ title, ok: true });
      log(`ok   UI: ${title}`);
    } catch (error) {
      results.push({ title, ok: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) });
      log(`FAIL UI: ${title}`);
      await page.screenshot({ path: path.join(failedShots, `${results.length}.png`) }).catch(() => {});
    }
  };
  try {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

    await check('opening a .tl file shows the NeSy status bar item', async () => {
      await openFile(page, 'traffic.tl');
      await page.locator('.statusbar-item', { hasText: /NeSy: / }).first().waitFor({ timeout: 30_000 });
    });

    await check('hovering an operator shows its documentation', async () => {
      await page.locator(editorText, { hasText: 'spec liveness' }).waitFor({ timeout: 10_000 });
      await hoverShows(page, 'G (red', 0, 'Always');
      await page.waitForTimeout(500); // the hover fades in
      await page.screenshot({ path: path.join(screenshots, 'hover.png') });
    });

    await check('the quick-fix menu offers the fix for a diagnostic', async () => {
      await openFile(page, 'mistakes.tl');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
      const point = await moveToText(page, '[10,0]', 2);
      await page.mouse.click(point.x, point.y);
      await page.keyboard.press('Control+.');
      await page.locator('.action-widget', { hasText: 'Swap the interval bounds' }).waitFor({ timeout: 10_000 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(screenshots, 'quickfix.png') });
      await page.keyboard.press('Escape');
    });

    await check('translating a requirement shows each reading with how confident the translator is', async () => {
      await openFile(page, 'nl.tl');
      await runCommand(page, 'NeSy: Translate English to Temporal Logic');
      // The command's own input box, not the closing Command Palette's: wait for its prompt.
      await page.locator('.quick-input-widget', { hasText: 'English sentence to translate' }).waitFor({ timeout: 10_000 });
      await page.locator('.quick-input-widget input').fill('whenever the light is red, the light is eventually green');
      await page.keyboard.press('Enter');
      // The model loads on first use; the readings come with their confidence once it has answered.
      await page.locator('.quick-input-list .monaco-list-row', { hasText: /best · (uncertain \(\d+% confident\)|\d+% confident)/ }).first().waitFor({ timeout: 60_000 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'G (red -> F green)' }).first().waitFor({ timeout: 5_000 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(screenshots, 'translate.png') });
      await page.keyboard.press('Escape');
    });
    await check('evaluating a spec on a trace from its code lens opens the robustness plot, linked to the formula', async () => {
      await openFile(page, 'speeds.tl');
      const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Evaluate on trace' }).first();
      await lens.waitFor({ timeout: 30_000 });
      await lens.click();
      await pickFile(page, path.join(workspace, 'speeds.csv'));
      // The plot is a webview: an iframe whose page is in an inner frame.
      const plot = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
      await plot.locator('.uplot').nth(1).waitFor({ timeout: 60_000 });
      await plot.locator('.sub', { hasText: /^speed < 20$/ }).click();
      await plot.locator('.caption', { hasText: 'speed < 20:' }).waitFor({ timeout: 10_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(screenshots, 'monitor-plot.png') });
      await runCommand(page, 'View: Close All Editors');
    });
    await check('checking an image\'s scores opens the report beside the rules; clicking a rule shows its violation map', async () => {
      await openFile(page, 'animals.fol');
      // The command is offered in .fol editors: wait until the editor's language is set.
      await page.locator('.statusbar-item', { hasText: 'First-Order Rules' }).first().waitFor({ timeout: 30_000 });
      await runCommand(page, 'NeSy: Check Predictions Against Hierarchy');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'A score file' }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'A folder of score files' }).waitFor({ state: 'detached', timeout: 10_000 });
      // The class names come from the classes.txt beside the scores.
      await pickFile(page, path.join(workspace, 'segmentation', 'image.npy'));
      const report = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
      await report.locator('#rules tbody tr').first().waitFor({ timeout: 60_000 });
      await report.locator('#image-rules button', { hasText: /^animals\.C_dog$/ }).click();
      const map = report.locator('figure#map img[alt^="Violation map of animals.C_dog"]');
      await map.waitFor({ timeout: 10_000 });
      // Loaded from the extension's storage through the webview: the image's own size, 32 x 24.
      await retry(async () => {
        const size = await map.evaluate((img) => [img.naturalWidth, img.naturalHeight]);
        if (size[0] !== 32 || size[1] !== 24) throw new Error(`the map is ${size.join(' x ')}, not 32 x 24`);
      }, 20);
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(screenshots, 'predictions-report.png') });
      await runCommand(page, 'View: Close All Editors');
    });
    // Last: it leaves this window without a language server. The extension-test windows show no notifications,
    // so test/e2e/suite/server-crash.test.ts checks the same message in the output channel.
    await check('after five crashes in three minutes a one-line notification says how to start the server again', async () => {
      let pid = await newServer(serverModule);
      for (let crash = 1; crash <= 5; crash++) {
        // A server killed before it has answered `initialize` is a failed start, which the client does not
        // retry; on a loaded machine the kill could come that early (1 run in 6 here), so let each one start.
        await page.waitForTimeout(2000);
        process.kill(pid, 'SIGKILL');
        if (crash < 5) pid = await newServer(serverModule, pid);
      }
      // The headless window showed no toast for it; the notification centre lists every notification, as it
      // does for a user who clicks the bell, whether the message came before or after it opened.
      await runCommand(page, 'Notifications: Show Notifications');
      const message = page.locator('.notifications-center .notification-list-item-message', { hasText: 'crashed 5 times' });
      await message.waitFor({ timeout: 30_000 });
      const text = (await message.textContent()).trim();
      const expected = 'NeSy: the language server crashed 5 times in 3 minutes and will not be restarted. Run "NeSy: Restart Language Server" to start it again.';
      if (text !== expected) throw new Error(`the notification reads: ${text}`);
    });
  } finally {
    await page.close();
  }
  return results;
}

/**
 * Waits for exactly one language server started from `serverModule` (the installed extension's dist/server.js)
 * whose pid is not `old`, and returns its pid. /proc: this runner runs on Linux.
 */
async function newServer(serverModule, old) {
  for (let tries = 0; tries < 300; tries++) {
    const pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(serverModule);
      } catch {
        return false; // it ended while we looked
      }
    });
    if (pids.length === 1 && Number(pids[0]) !== old) return Number(pids[0]);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no language server other than ${old ?? 'none'} started within 30 s`);
}

/** Runs a command from the Command Palette by its title. */
/**
 * Runs a command from the Command Palette. The palette lists the commands whose `when` clause holds when it opens
 * and does not refresh: a command shown only for a language (`editorLangId == fol`) is missing if the editor's
 * language was set a moment after (seen on a loaded machine, the status bar already saying "First-Order Rules"),
 * so a palette without the command is closed and opened again, as a user would.
 */
export async function runCommand(page, title) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(`>${title}`);
    try {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1000);
    }
  }
  await page.keyboard.press('Enter');
}

/** Opens a workspace file through Quick Open, as a user would. */
export async function openFile(page, name) {
  await page.locator('.monaco-workbench').click({ position: { x: 640, y: 360 } });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 10_000 });
}

/** Moves the mouse onto character `offset` of the first occurrence of `text` in the visible editor lines. */
export async function moveToText(page, text, offset) {
  const point = await page.evaluate(
    ({ text, offset }) => {
      for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
        const content = line.textContent.replace(/\u00a0/g, ' ');
        const index = content.indexOf(text);
        if (index < 0) continue;
        let remaining = index + offset;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (remaining < node.length) {
            const range = document.createRange();
            range.setStart(node, remaining);
            range.setEnd(node, remaining + 1);
            const box = range.getBoundingClientRect();
            return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
          }
          remaining -= node.length;
        }
      }
      return null;
    },
    { text, offset },
  );
  if (!point) throw new Error(`"${text}" is not on screen`);
  await page.mouse.move(point.x, point.y);
  return point;
}

/**
 * Hovers character `offset` of `text` until a hover containing `expected` shows: the language server may still be
 * starting, and a hover asked for before it answers stays empty.
 */
export async function hoverShows(page, text, offset, expected) {
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: expected });
  await retry(async () => {
    await page.mouse.move(10, 10);
    await moveToText(page, text, offset);
    await hover.first().waitFor({ timeout: 3_000 });
  }, 10);
}

/**
 * Picks `file` (an absolute path) in VS Code's own file dialog in the browser, a path box. The whole path is typed:
 * the box may first show another folder than the workspace (a run took "/" for it and asked for a file that is not
 * there), and it may reset itself when its folder listing arrives, so the path is checked before it is accepted,
 * and the dialog must close after.
 */
async function pickFile(page, file) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await retry(async () => {
    await input.fill(file);
    await page.waitForTimeout(500);
    if ((await input.inputValue()) !== file) throw new Error(`the file dialog shows '${await input.inputValue()}', not ${file}`);
    await page.keyboard.press('Enter');
    // On a loaded machine the dialog takes seconds to close after accepting.
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
  }, 5);
}

export async function retry(attempt, times) {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= times) throw error;
    }
  }
}
