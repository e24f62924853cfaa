/** A small JSON Feed 1.1 (https://jsonfeed.org/version/1.1) writer, for the notes feed. */

/** One item of a feed. */
export interface JsonFeedItem {
  /** Absolute URL of the item's page; also its id. */
  url: string;
  title: string;
  /** Plain text of the item. */
  text: string;
  modified: Date;
  tags?: readonly string[];
}

/** A feed. */
export interface JsonFeed {
  title: string;
  description: string;
  /** Absolute URL of the site's page the feed follows. */
  home: string;
  /** Absolute URL of the feed itself. */
  self: string;
  items: readonly JsonFeedItem[];
}

/** Serialises a feed as JSON Feed 1.1. */
export function jsonFeed(feed: JsonFeed): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      home_page_url: feed.home,
      feed_url: feed.self,
      description: feed.description,
      language: 'en',
      items: feed.items.map((item) => ({
        id: item.url,
        url: item.url,
        title: item.title,
        content_text: item.text,
        date_modified: item.modified.toISOString(),
        ...(item.tags?.length ? { tags: item.tags } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}
