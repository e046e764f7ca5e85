import { defineConfig } from '@playwright/test';
import type { RendererKind } from './lib/settings';
import type { Engine } from './tests/e2e/driver';

// One worker: the machine has two cores, and each worker holds its own browser.
// Two projects run the same browser-neutral specs (tests/e2e/both/): Chromium runs
// every spec, Firefox the neutral ones and its comparison with Chromium (*.firefox.spec.ts).
// chromium-paint runs the safety suites again with highlights painted (settings.renderer = 'paint'):
// the hostile pages' tests that concern highlights (tagged @paint), the fuzzer and page safety.
export default defineConfig<object, { engine: Engine; renderer: RendererKind }>({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  projects: [
    {
      name: 'chromium',
      testMatch: '**/*.spec.ts',
      testIgnore: '**/*.firefox.spec.ts',
      use: { engine: 'chromium' },
    },
    {
      name: 'chromium-paint',
      testMatch: ['hostile.spec.ts', 'fuzz.spec.ts', 'page-safety.spec.ts'],
      grep: /@paint/,
      use: { engine: 'chromium', renderer: 'paint' },
    },
    {
      name: 'firefox',
      testMatch: ['both/**/*.spec.ts'],
      use: { engine: 'firefox' },
    },
  ],
});
