// `npm run test:corpus`: page safety on every page of the real-page corpus (../shared/corpus/real-pages/,
// or CASE_LENS_CORPUS), in Chromium (tests/e2e/page-safety.spec.ts) and in Firefox ESR
// (tests/e2e/both/page-safety.firefox.spec.ts), after building both, and in Chromium once more with
// highlights painted (the project chromium-paint); and the loaded catalogues' highlights on every page
// (tests/e2e/pack-pages.spec.ts). `npm test` runs the same checks on a fixed sample:
// every second page in Chromium, every sixth in Firefox, every tenth of the others painted.
import { requireBrowsers, run } from './browser.mjs';

const { chromium, firefox } = requireBrowsers();
const env = { CHROMIUM_PATH: chromium, FIREFOX_PATH: firefox, CASE_LENS_CORPUS_FULL: '1' };
run('npx', ['wxt', 'build']);
run('npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
run('npx', ['playwright', 'test', 'tests/e2e/page-safety.spec.ts', '--project=chromium'], env);
// The loaded catalogues' names on every corpus page (none should be highlighted) and on the positive pages.
run('npx', ['playwright', 'test', 'tests/e2e/pack-pages.spec.ts', '--project=chromium'], env);
run('npx', ['playwright', 'test', 'tests/e2e/page-safety.spec.ts', '--project=chromium-paint'], env);
run('npx', ['playwright', 'test', 'tests/e2e/both/page-safety.firefox.spec.ts', '--project=firefox'], env);
