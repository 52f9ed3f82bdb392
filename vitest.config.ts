import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // CI reads the JSON report to print one plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/results.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/testkit/**', 'test/hardening/**', 'test/browser/**'],
          // Correctness, not speed: generous limits so a loaded 2-core CI machine cannot fail a test by being slow.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', 'test/testkit/**/*.test.ts', 'test/hardening/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          // The playground in headless Chromium; runs after the others so Chromium does not slow their timing.
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/globalSetup.ts'],
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
