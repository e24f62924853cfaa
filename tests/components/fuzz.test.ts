/**
 * The paper page's parts, rendered through the Container API for papers made by ingest from seeded
 * hostile listings, with people's fields full of markup and script (tests/support/hostile.ts): every
 * payload stays text (no element, event attribute or other scheme reaches the HTML) and reads back as written.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import PaperAbstract from '../../src/components/PaperAbstract.astro';
import PaperItem from '../../src/components/PaperItem.astro';
import PersonFields from '../../src/components/PersonFields.astro';
import TopicEvidence from '../../src/components/TopicEvidence.astro';
import { runIngest } from '../../src/ingest/index.ts';
import { updatePaperFile } from '../../src/papers/frontmatter.ts';
import { loadPapers } from '../../src/papers/load.ts';
import { classify, compileTopics } from '../../src/topics/classify.ts';
import { loadTopics } from '../../src/topics/topics.ts';
import { hostileDump, hostileNote, hostileUrl, PAYLOADS, random, unsafeHtml } from '../support/hostile.ts';
import { tempDir } from '../support/temp-dir.ts';
import { render, text } from './render.ts';

const CASES = 60;
const SEED = 7_031_2026;
const definitions = loadTopics('content/topics');
const compiled = compileTopics(definitions);
const topics = definitions.map((topic) => ({ id: topic.slug, data: { title: topic.title, threshold: topic.threshold } }));
const topicTitles = new Map(topics.map((topic) => [topic.id, topic.data.title]));

describe('the paper page\'s parts, fuzzed', () => {
  it(`keep every payload as text for ${CASES} seeded cases`, { timeout: 120_000 }, async () => {
    const root = tempDir('fuzz-components');
    let rendered = 0;
    for (let index = 0; index < CASES; index += 1) {
      const r = random(SEED + index);
      const label = `case ${index} (seed ${SEED + index})`;
      const ws = { dumps: join(root, `${index}/dumps`), out: join(root, `${index}/papers`), topics: join(root, `${index}/topics`) };
      mkdirSync(ws.dumps, { recursive: true });
      cpSync('content/topics', ws.topics, { recursive: true });
      writeFileSync(join(ws.dumps, '000_hostile.txt'), hostileDump(r, 2 + r.int(5)).text);
      await runIngest({ ...ws, threads: 1 });
      for (const name of readdirSync(ws.out)) {
        const path = join(ws.out, name);
        const links = Array.from({ length: r.int(3) }, () => ({ label: r.pick(PAYLOADS), url: hostileUrl(r).url })).filter((link) => !/^[^hH/]|^\/\/|^\/\\/.test(link.url));
        const fields = { status: 'read', tags: [r.pick(PAYLOADS)], links, reading_group: r.pick(PAYLOADS) };
        writeFileSync(path, updatePaperFile(readFileSync(path, 'utf8'), fields) + hostileNote(r));
      }
      for (const paper of loadPapers(ws.out, ws.topics, ws.out)) {
        // As though validation had been skipped: an unsafe scheme must not reach the page either way.
        const data = { ...paper.data, links: [...(paper.data.links ?? []), { label: 'x', url: hostileUrl(r).url }] };
        const parts = [
          await render(PaperItem, { paper, topicTitles, showExcerpt: true, excerptNotes: true }),
          await render(PersonFields, { data }),
          await render(PaperAbstract, { abstract: paper.data.abstract }),
          await render(TopicEvidence, { paper, topics, classification: classify(paper.data, compiled) }),
        ];
        for (const part of parts) expect(unsafeHtml(part.root), `${label}: ${paper.id}\n${part.html}`).toEqual([]);
        expect(text(parts[0]!.root.querySelector('.paper-title a')), label).toBe(paper.data.title.replace(/\s+/g, ' ').trim());
        expect(parts[1]!.root.querySelectorAll('li').map((li) => li.text), label).toEqual(expect.arrayContaining(paper.data.tags ?? []));
        rendered += 1;
      }
    }
    expect(rendered).toBeGreaterThan(CASES * 2);
  });
});

