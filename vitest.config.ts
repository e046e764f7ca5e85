import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // The generated-page comparisons take a few seconds on two busy cores; the default 5 s is too tight.
    testTimeout: 60_000,
  },
});
