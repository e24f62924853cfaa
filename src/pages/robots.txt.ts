/** `/robots.txt`: every page may be crawled; with a site URL it names the sitemap. */
import type { APIRoute } from 'astro';
import { sitemapPath, withBase } from '../site/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push('', `Sitemap: ${new URL(withBase(sitemapPath()), site).href}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
