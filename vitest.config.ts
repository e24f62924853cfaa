import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';

// Three projects: `unit` (fast, pure modules), `components` (Astro components rendered
// with the Container API, in a Vite set up from astro.config.mjs by getViteConfig) and
// `site` (asserts on the built site; its global setup builds dist/ first when it is
// missing or older than the sources). `npx vitest run --project unit` skips the build
// and runs no test through Astro's plugins (Vitest still reads the Astro config to name
// the projects, about 2 s). Browser tests: vitest.e2e.config.ts.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/build/**', 'tests/components/**', 'tests/e2e/**', '**/node_modules/**'],
        },
      },
      // Astro's documented Vitest setup: a Vite config made from astro.config.mjs, so .astro files compile.
      getViteConfig({ test: { name: 'components', include: ['tests/components/**/*.test.ts'] } }),
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
