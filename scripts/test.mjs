// `npm test`: typecheck, format and lint (Biome), unit tests, build, then end-to-end tests in real Chromium;
// also the Firefox build and its store lint (a few seconds: web-ext lint must find no errors).
import { findChromium, NO_BROWSER_MESSAGE, run } from './browser.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
console.log(`Using Chromium at ${chromium}`);
const env = { CHROMIUM_PATH: chromium };
run('npx', ['tsc', '--noEmit']);
run('npx', ['biome', 'check', '--error-on-warnings', '.']);
run('npx', ['vitest', 'run']);
run('npx', ['wxt', 'build']);
run('npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
run('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3']);
run('npx', ['playwright', 'test'], env);
