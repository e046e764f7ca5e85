// `npm start`: builds the extension and opens Chromium with it on the seed article.
import { resolve } from 'node:path';
import { exitWithoutDisplay, findChromium, NO_BROWSER_MESSAGE, run } from './browser.mjs';
import { launchChromiumWithExtension } from './chromium-with-extension.mjs';
import { serveDirectory } from './static-server.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
exitWithoutDisplay('npm start');
run('npx', ['wxt', 'build']);
const extension = resolve('.output/chrome-mv3');
const { url, close } = await serveDirectory(resolve('seeds'));
const page = `${url}/us-accuses-three-koreans.html`;
console.log(`Opening ${page} in ${chromium} with the extension from ${extension}`);
// The same launch as the tests, in a window: the reader's own size, no "controlled by automated software" bar.
const { context } = await launchChromiumWithExtension({
  extensionDir: extension,
  executablePath: chromium,
  profile: 'case-lens-profile-',
  headless: false,
  viewport: null,
  ignoreDefaultArgs: ['--enable-automation'],
  args: ['--no-default-browser-check'],
});
context.on('close', () => {
  close();
  process.exit(0);
});
const tab = context.pages()[0] ?? (await context.newPage());
await tab.goto(page);
