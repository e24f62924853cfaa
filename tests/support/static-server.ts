/**
 * A tiny static file server for the built site, for browser tests and
 * screenshots. It serves `dist/` under the site's base path, like a host would.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** A running server: its origin, the site's root URL (origin + base), and the paths asked of it so far. */
export interface StaticSite {
  origin: string;
  root: string;
  /** Every path requested, in order, whoever asked (a page, or a worker, whose requests a page does not see). */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `dir` under `base` (e.g. `/` or `/shelf/`) on a free localhost port. */
export async function serveStatic(dir: string, base = '/'): Promise<StaticSite> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requests.push(path);
    const found = path.startsWith(prefix) || `${path}/` === prefix ? await findFile(dir, path.slice(prefix.length)) : null;
    const file = found ?? join(dir, '404.html');
    try {
      const body = await readFile(file);
      response.writeHead(found ? 200 : 404, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The static server has no port.');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    root: origin + prefix,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** The file a site path maps to (`a/` → `a/index.html`), or null; never outside `dir`. */
async function findFile(dir: string, relative: string): Promise<string | null> {
  const target = normalize(join(dir, relative));
  if (target !== normalize(dir) && !target.startsWith(normalize(dir) + sep)) return null;
  for (const candidate of [target, join(target, 'index.html'), `${target}.html`]) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return null;
}
