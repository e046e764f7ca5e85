// `npm start`: builds the extension and opens Chromium with it on the seed article.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium, NO_BROWSER_MESSAGE, run } from './browser.mjs';
import { serveDirectory } from './static-server.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
if (!process.env.DISPLAY && process.platform === 'linux') {
  console.error('No display: run `xvfb-run -a npm start` on a machine without one.');
  process.exit(1);
}
run('npx', ['wxt', 'build']);
const extension = resolve('.output/chrome-mv3');
const { url, close } = await serveDirectory(resolve('seeds'));
const page = `${url}/us-accuses-three-koreans.html`;
const profile = mkdtempSync(join(tmpdir(), 'case-lens-profile-'));
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  page,
];
console.log(`Opening ${page} in ${chromium} with the extension from ${extension}`);
const browser = spawn(chromium, args, { stdio: 'inherit' });
browser.on('exit', (code) => {
  close();
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => browser.kill(signal));
