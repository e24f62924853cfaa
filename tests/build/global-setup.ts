/**
 * Builds the sites the site tests read, but only when a build is missing or
 * older than what it is built from. SHELF_SKIP_BUILD=1 reuses whatever is there.
 * The real site is built with `npm run build` (ingest, then astro build), the fixture with `npm run build:site`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureSite, hostileSite, listFiles, realSite, type SiteBuild } from './builds.ts';

const SHARED_INPUTS = ['src', 'public', 'astro.config.mjs', 'package.json'];

export default function setup(): void {
  ensureBuilt(realSite, ['npm', ['run', 'build']], ['content', ...SHARED_INPUTS]);
  ensureBuilt(fixtureSite, ['npm', ['run', 'build:site']], [fixtureSite.contentDir, ...SHARED_INPUTS]);
  ensureBuilt(hostileSite, ['npm', ['run', 'build:site']], [hostileSite.contentDir, ...SHARED_INPUTS]);
}

function ensureBuilt(build: SiteBuild, [command, args]: [string, string[]], inputs: string[]): void {
  const marker = join(build.outDir, 'index.html');
  if (process.env.SHELF_SKIP_BUILD === '1') {
    if (!existsSync(marker)) throw new Error(`SHELF_SKIP_BUILD=1 but ${build.outDir}/ has no build; run without it once.`);
    return;
  }
  if (existsSync(marker) && newestMtime(inputs) < statSync(marker).mtimeMs) return;
  const started = performance.now();
  const result = spawnSync(command, args, {
    env: { ...buildEnv(), ...build.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`Building the ${build.name} failed (${command} ${args.join(' ')}):\n${result.stdout}\n${result.stderr}`);
  }
  console.log(`Built ${build.name} into ${build.outDir}/ in ${Math.round(performance.now() - started)} ms.`);
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const path of paths.filter((entry) => existsSync(entry))) {
    const files = statSync(path).isDirectory() ? listFiles(path) : [path];
    for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/**
 * The environment for a build, without what Vitest puts there for its own runs:
 * Vite reads BASE_URL, MODE, NODE_ENV and the like back from the environment,
 * and a build that inherits them gets the wrong base.
 */
export function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|VITE_|TEST$|BASE_URL$|MODE$|DEV$|PROD$|SSR$|NODE_ENV$)/.test(key)) delete env[key];
  }
  return env;
}
