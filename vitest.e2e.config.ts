import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium (Debian's, /usr/bin/chromium or CHROMIUM_PATH) against
// the built sites served on localhost. The global setup builds them when stale.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/build/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
