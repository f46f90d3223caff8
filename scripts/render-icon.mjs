// Renders images/icon.svg to the 128x128 images/icon.png that the marketplace and VS Code show.
// Run by hand after editing the SVG: node scripts/render-icon.mjs (uses the system Chromium).
import { chromium } from 'playwright-core';
import * as fs from 'node:fs';

const svg = fs.readFileSync(new URL('../images/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.screenshot({ path: new URL('../images/icon.png', import.meta.url).pathname, omitBackground: true });
} finally {
  await browser.close();
}
