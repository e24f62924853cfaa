/**
 * Offline reading: registers the service worker (built as `sw.js` under the
 * base) and shows a quiet note in the header while the browser is offline.
 */
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  // A new deploy's worker takes over at once; reload so the page and the search index come from the same build.
  if (navigator.serviceWorker.controller) {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  }
  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {
    // No worker (e.g. a host that blocks it): the site works online as before.
  });
}

const note = document.getElementById('offline-note');
function showConnection(): void {
  if (note) note.textContent = navigator.onLine ? '' : 'Offline — showing saved pages';
}
addEventListener('online', showConnection);
addEventListener('offline', showConnection);
showConnection();
