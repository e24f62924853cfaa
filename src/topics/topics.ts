/**
 * Reads topic definition files, `content/topics/<slug>.md`: frontmatter that
 * follows `topicSchema` (the classifier's rules) and a Markdown body (the long
 * description on the topic page).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FrontmatterError, parsePaperFile } from '../papers/frontmatter.ts';
import { topicSchema, topicSlugSchema, type TopicData } from '../papers/schema.ts';

/** A topic as defined by its file. */
export interface Topic extends TopicData {
  /** The file name without `.md`; papers list topics by this. */
  slug: string;
  /** The Markdown body: the long description. */
  body: string;
  /** Path of the file, for error messages. */
  file: string;
}

/** Parses one topic file; throws an Error naming the file and the bad field. */
export function parseTopicFile(text: string, file: string): Topic {
  const slug = basename(file).replace(/\.md$/, '');
  const slugResult = topicSlugSchema.safeParse(slug);
  if (!slugResult.success) {
    throw new Error(`${file}: file name: ${slugResult.error.issues[0].message} (rename the file)`);
  }
  let data: Record<string, unknown>;
  let body: string;
  try {
    // Frontmatter is read in one place for every kind of content file.
    ({ data, body } = parsePaperFile(text));
  } catch (error) {
    const line = error instanceof FrontmatterError && error.line !== undefined ? `:${error.line}` : '';
    throw new Error(`${file}${line}: ${(error as Error).message}`, { cause: error });
  }
  const result = topicSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.join('.') || '(frontmatter)';
    throw new Error(`${file}: ${field}: ${issue.message}`, { cause: result.error });
  }
  return { ...result.data, slug, body: body.trim(), file };
}

/** Reads every `*.md` in a folder as a topic, sorted by `order`, then slug. */
export function loadTopics(dir: string): Topic[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const file = join(dir, name);
      return parseTopicFile(readFileSync(file, 'utf8'), file);
    })
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}
