/** Which addresses a page may link to; no dependencies, so the site's browser scripts may use it too. */

/**
 * True for an address a page may link to: `http:` or `https:` with a host, or a path on this site
 * (`/papers/x/`, not `//host`). No other scheme (`javascript:`, `data:`, `vbscript:`, …), no white space
 * or control characters that browsers would strip to reveal one.
 */
export function isWebUrl(url: string): boolean {
  if (!/^[^\s\\\u0000-\u001f\u007f]+$/.test(url)) return false;
  if (/^\/(?!\/)/.test(url)) return true;
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
}
