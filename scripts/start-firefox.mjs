// `npm run start:firefox`: builds the Firefox add-on and opens Firefox with it on the seed article
// (web-ext run: a fresh profile, the add-on installed as a temporary one, reloaded when the build changes).
import { resolve } from 'node:path';
import { exitWithoutDisplay, findFirefox, NO_FIREFOX_MESSAGE, run } from './browser.mjs';
import { serveDirectory } from './static-server.mjs';
import { spawn } from 'node:child_process';

const firefox = findFirefox();
if (!firefox) {
  console.error(NO_FIREFOX_MESSAGE);
  process.exit(1);
}
exitWithoutDisplay('npm run start:firefox');
run('npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
const { url, close } = await serveDirectory(resolve('seeds'));
const page = `${url}/us-accuses-three-koreans.html`;
console.log(`Opening ${page} in ${firefox} with the add-on from .output/firefox-mv3`);
const webExt = spawn(
  'npx',
  ['web-ext', 'run', '--source-dir', '.output/firefox-mv3', '--firefox', firefox, '--start-url', page, '--no-input'],
  { stdio: 'inherit' },
);
webExt.on('exit', (code) => {
  close();
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => webExt.kill(signal));
