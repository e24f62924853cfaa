/** A small Atom 1.0 (RFC 4287) writer for the topic feeds. */

/** One entry of a feed. */
export interface AtomEntry {
  title: string;
  /** Absolute URL of the entry's page; also its id. */
  url: string;
  updated: Date;
  summary: string;
  categories?: readonly string[];
}

/** A feed. */
export interface AtomFeed {
  title: string;
  subtitle?: string;
  /** Absolute URL of the feed itself. */
  self: string;
  /** Absolute URL of the page the feed follows. */
  alternate: string;
  entries: readonly AtomEntry[];
}

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  // Control characters other than tab and line breaks are not allowed in XML 1.0 at all.
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Serialises a feed; `updated` is the newest entry's date (or the epoch for an empty feed, so builds are reproducible). */
export function atomFeed(feed: AtomFeed): string {
  const newest = feed.entries.reduce((latest, entry) => Math.max(latest, entry.updated.getTime()), 0);
  const entries = feed.entries.map(
    (entry) => `  <entry>
    <title>${escapeXml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>
    <id>${escapeXml(entry.url)}</id>
    <updated>${entry.updated.toISOString()}</updated>
${(entry.categories ?? []).map((term) => `    <category term="${escapeXml(term)}"/>\n`).join('')}    <summary>${escapeXml(entry.summary)}</summary>
  </entry>
`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escapeXml(feed.title)}</title>
${feed.subtitle ? `  <subtitle>${escapeXml(feed.subtitle)}</subtitle>\n` : ''}  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>
  <id>${escapeXml(feed.self)}</id>
  <updated>${new Date(newest).toISOString()}</updated>
  <author><name>Shelf</name></author>
${entries.join('')}</feed>
`;
}
