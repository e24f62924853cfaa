/**
 * Measures topic assignments against hand labels: per-topic precision, recall
 * and F1, macro-F1, and exact-match accuracy. Pure: text and lists in, numbers out.
 */

/** One hand label: the topics a person gave a paper (empty for `none`). */
export interface Label {
  title: string;
  topics: string[];
  /** As written in the file, e.g. `high` or `low`. */
  confidence: string;
  /** 1-based line in the labels file. */
  line: number;
}

/** One paper to score: what the labels expect and what the classifier gave. */
export interface Case {
  title: string;
  expected: readonly string[];
  got: readonly string[];
}

/** How well one topic was assigned. */
export interface TopicScore {
  slug: string;
  precision: number;
  recall: number;
  f1: number;
  /** Papers the labels put on the topic. */
  support: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** The scores over a set of cases, with the cases that were wrong. */
export interface Evaluation {
  topics: TopicScore[];
  /** Mean of the per-topic F1. */
  macroF1: number;
  /** Share of papers whose topic set is exactly the expected one (`none` included). */
  exactMatch: number;
  count: number;
  mistakes: Case[];
}

/** Lower-cases a title and collapses its white space, so labels and papers match on titles. */
export function normaliseTitle(title: string): string {
  return title.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Parses a labels TSV with the columns `title`, `topics` (comma-separated
 * slugs, or `none`) and `confidence`, in any order after a header row.
 * Throws naming `file:line` for a row that cannot be read.
 */
export function parseLabels(text: string, file: string): Label[] {
  const [header = '', ...rows] = text.split(/\r?\n/);
  const columns = header.split('\t').map((name) => name.trim());
  const at = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`${file}:1: the header has no "${name}" column (expected title, topics, confidence)`);
    return index;
  };
  const [titleAt, topicsAt, confidenceAt] = [at('title'), at('topics'), at('confidence')];
  const labels: Label[] = [];
  rows.forEach((row, index) => {
    if (row.trim() === '') return;
    const cells = row.split('\t');
    const line = index + 2;
    const title = cells[titleAt]?.trim() ?? '';
    const topics = cells[topicsAt]?.trim() ?? '';
    if (title === '' || topics === '') {
      throw new Error(`${file}:${line}: a row needs a title and topics (write "none" for no topic)`);
    }
    labels.push({
      title,
      topics: topics === 'none' ? [] : topics.split(',').map((slug) => slug.trim()),
      confidence: cells[confidenceAt]?.trim() ?? '',
      line,
    });
  });
  return labels;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/**
 * Scores cases over the given topics. A topic with nothing expected and
 * nothing assigned scores 1 on precision and recall: there was nothing to get wrong.
 */
export function evaluate(cases: readonly Case[], slugs: readonly string[]): Evaluation {
  const topics = slugs.map((slug): TopicScore => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const { expected, got } of cases) {
      const want = expected.includes(slug);
      const have = got.includes(slug);
      if (want && have) truePositives += 1;
      else if (have) falsePositives += 1;
      else if (want) falseNegatives += 1;
    }
    const precision = ratio(truePositives, truePositives + falsePositives);
    const recall = ratio(truePositives, truePositives + falseNegatives);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    const support = truePositives + falseNegatives;
    return { slug, precision, recall, f1, support, truePositives, falsePositives, falseNegatives };
  });
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((slug) => b.includes(slug));
  const mistakes = cases.filter((c) => !same(c.expected, c.got));
  return {
    topics,
    macroF1: topics.reduce((sum, topic) => sum + topic.f1, 0) / Math.max(topics.length, 1),
    exactMatch: ratio(cases.length - mistakes.length, cases.length),
    count: cases.length,
    mistakes,
  };
}
