import { defineConfig } from '@playwright/test';

// One worker: each test file launches its own Chromium with the extension,
// and the machine has two cores.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
});
