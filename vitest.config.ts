import { defineConfig } from 'vitest/config';

// Two projects: `unit` (fast, pure modules) and `site` (asserts on the built site;
// its global setup builds dist/ first when it is missing or older than the sources).
// `npx vitest run --project unit` skips the build. Browser tests: vitest.e2e.config.ts.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/build/**', 'tests/e2e/**', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
