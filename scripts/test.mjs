// `npm test`: typecheck, format and lint (Biome), unit tests, both builds and the Firefox build's store lint
// (web-ext lint must find no errors), then the end-to-end tests: every spec in real Chromium, then the
// browser-neutral ones (tests/e2e/both/) in Firefox ESR. Between them the safety suites run again in
// Chromium with highlights painted instead of wrapped (the project chromium-paint: the hostile pages'
// tests of highlights, the fuzzer, page safety on every tenth page of the others). The long runs have commands of their own:
// page safety samples the real-page corpus here (every second page in Chromium, every sixth in Firefox;
// `npm run test:corpus` checks all of it in both), and the page-mutation fuzzer runs a fixed seed for
// ~50 s here (`npm run fuzz` runs it for as long as asked).
import { requireBrowsers, run } from './browser.mjs';

const { chromium, firefox } = requireBrowsers();
console.log(`Using Chromium at ${chromium} and Firefox at ${firefox}`);
const env = { CHROMIUM_PATH: chromium, FIREFOX_PATH: firefox };
run('npx', ['tsc', '--noEmit']);
run('npx', ['biome', 'check', '--error-on-warnings', '.']);
run('npx', ['vitest', 'run']);
run('npx', ['wxt', 'build']);
run('npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
run('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3']);
const chromiumStart = Date.now();
run('npx', ['playwright', 'test', '--project=chromium'], env);
console.log(`Chromium part: ${((Date.now() - chromiumStart) / 1000).toFixed(0)} s`);
const paintStart = Date.now();
run('npx', ['playwright', 'test', '--project=chromium-paint'], env);
console.log(`Chromium, highlights painted: ${((Date.now() - paintStart) / 1000).toFixed(0)} s`);
const firefoxStart = Date.now();
run('npx', ['playwright', 'test', '--project=firefox'], env);
console.log(`Firefox part: ${((Date.now() - firefoxStart) / 1000).toFixed(0)} s`);
