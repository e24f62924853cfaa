/** The web app manifest, so the site can be installed; its URLs follow the configured `base`. */
import type { APIRoute } from 'astro';
import { withBase } from '../site/urls.ts';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      {
        name: 'Shelf — reading list',
        short_name: 'Shelf',
        description: 'The research group’s reading list: papers by topic, with notes. Works offline after one visit.',
        id: withBase(''),
        start_url: withBase(''),
        scope: withBase(''),
        display: 'standalone',
        background_color: '#fbfaf7',
        theme_color: '#fbfaf7',
        icons: [
          { src: withBase('icons/icon.svg'), sizes: 'any', type: 'image/svg+xml' },
          { src: withBase('icons/icon-192.png'), sizes: '192x192', type: 'image/png' },
          { src: withBase('icons/icon-512.png'), sizes: '512x512', type: 'image/png' },
        ],
      },
      null,
      2,
    ),
    { headers: { 'content-type': 'application/manifest+json' } },
  );
