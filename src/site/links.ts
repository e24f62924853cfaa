/**
 * Code and project addresses mentioned in an abstract ("Code is available at
 * https://github.com/x/y."), cleaned of the punctuation that ends the sentence.
 */

/** A link found in text, with a label saying what it probably is. */
export interface FoundLink {
  label: string;
  url: string;
  kind: 'code' | 'project';
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`{}|\\^]+|\b(?:www\.)?(?:github|gitlab)\.com\/[\w.-]+\/[\w.-]+[^\s<>"'`{}|\\^]*/gi;
const CODE_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'huggingface.co', 'codeberg.org']);
const TRAILING = /[.,;:!?'"*]$/;
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Drops sentence punctuation and unbalanced closing brackets from the end of a URL. */
export function trimUrl(raw: string): string {
  let url = raw;
  for (;;) {
    const last = url.at(-1) ?? '';
    if (TRAILING.test(last)) {
      url = url.slice(0, -1);
    } else if (last in CLOSERS && count(url, CLOSERS[last]!) < count(url, last)) {
      url = url.slice(0, -1);
    } else {
      return url;
    }
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** Every distinct http(s) or bare GitHub/GitLab address in `text`, in order of appearance. */
export function extractLinks(text: string): FoundLink[] {
  const seen = new Set<string>();
  const links: FoundLink[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    let url = trimUrl(match[0]);
    if (!/^https?:\/\//i.test(url)) url = `https://${url}`;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    const key = url.replace(/\/+$/, '').toLowerCase();
    if (seen.has(key) || !parsed.hostname.includes('.')) continue;
    seen.add(key);
    links.push(describeLink(url, parsed));
  }
  return links;
}

function describeLink(url: string, parsed: URL): FoundLink {
  const host = parsed.hostname.replace(/^www\./, '');
  const path = parsed.pathname.replace(/\/+$/, '').replace(/\.git$/, '');
  if (CODE_HOSTS.has(host)) {
    return { kind: 'code', url, label: path && path !== '/' ? `${host}${path}` : host };
  }
  return { kind: 'project', url, label: `${host}${path}` };
}
