/**
 * Related papers: TF-IDF similarity over title, abstract and notes.
 *
 * All-pairs cosine similarity is O(n²): 2.5 billion pairs at 50,000 papers.
 * Instead each paper is reduced to its strongest terms, and each term keeps
 * only the papers it weighs most in (a "champion list", as search engines
 * do). Scoring a paper then touches at most TERMS × CHAMPIONS others, so the
 * whole pass is linear in the number of papers.
 */

/** What similarity reads from a paper. */
export interface RelatedInput {
  id: string;
  title: string;
  abstract: string;
  notes?: string;
}

/** A related paper and how similar it is (cosine of the reduced vectors, 0–1). */
export interface Related {
  id: string;
  score: number;
}

/** Tuning knobs; the defaults are what the site uses. */
export interface RelatedOptions {
  /** How many related papers to keep per paper. */
  count?: number;
  /** Strongest terms kept per paper. */
  termsPerPaper?: number;
  /** Papers kept per term. */
  championsPerTerm?: number;
}

// Words that say nothing about a paper's subject in this field.
const STOPWORDS = new Set(
  `a about above across after again against all also although am an and any are as at be been before being below between both but by can could did do does doing down during each either et few for from further had has have having here how however i if in into is it its itself just large language llm llms model models more most much my new no nor not novel of off on once only or other our out over own paper per propose proposed propose s same she should show shows so some such than that the their them then there these they this those through to too under until up upon us use used using very via was we were what when where which while who whom why will with within without would yet you your based approach approaches method methods results result work study existing task tasks performance demonstrate experiments extensive state art significantly significant achieve achieves improve improves improved improving effective effectively efficient first two three one however remains problem problems specifically furthermore moreover additionally often well may many various different current recent recently even across key address introduce present code available https github com data`.split(/\s+/),
);

/** Lower-case word tokens of a text, without stopwords, numbers or one-letter words; crude plural folding. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2 || STOPWORDS.has(raw) || /^\d+$/.test(raw)) continue;
    // Fold plain plurals ("contexts", "capabilities"); keep "ss", "us", "is" endings and short words.
    const token = raw.length <= 4 ? raw : raw.endsWith('ies') ? `${raw.slice(0, -3)}y` : /[^sui]s$/.test(raw) ? raw.slice(0, -1) : raw;
    if (!STOPWORDS.has(token)) tokens.push(token);
  }
  return tokens;
}

/** Words and adjacent word pairs ("long context", "test time") of a text: the terms similarity compares. */
export function terms(text: string): string[] {
  const words = tokenize(text);
  const pairs = words.slice(1).map((word, index) => `${words[index]} ${word}`);
  return [...words, ...pairs];
}

// A word pair is numbered wordA × PAIR_BASE + wordB + PAIR_BASE: numbers, not strings, keep the counting maps fast.
const PAIR_BASE = 2 ** 24;

/** Term counts of one paper, terms numbered through `wordIds`; the title counts twice, as a paper's most deliberate words. */
function termCounts(paper: RelatedInput, wordIds: Map<string, number>): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (text: string, weight: number) => {
    let previous = -1;
    for (const word of tokenize(text)) {
      let id = wordIds.get(word);
      if (id === undefined) wordIds.set(word, (id = wordIds.size));
      counts.set(id, (counts.get(id) ?? 0) + weight);
      if (previous !== -1) {
        const pair = (previous + 1) * PAIR_BASE + id;
        counts.set(pair, (counts.get(pair) ?? 0) + weight);
      }
      previous = id;
    }
  };
  add(paper.title, 2);
  add(paper.abstract, 1);
  if (paper.notes) add(paper.notes, 1);
  return counts;
}

/** The `count` best of `candidates` by score (ties to the lower index), without sorting them all. */
function topScores(candidates: readonly number[], scores: Float64Array, count: number): number[] {
  const best: number[] = [];
  for (const candidate of candidates) {
    const score = scores[candidate];
    let at = best.length;
    while (at > 0 && (scores[best[at - 1]] < score || (scores[best[at - 1]] === score && best[at - 1] > candidate))) at -= 1;
    if (at < count) {
      best.splice(at, 0, candidate);
      if (best.length > count) best.pop();
    }
  }
  return best;
}

/**
 * The `count` most similar papers to each paper, by id. Pure and
 * deterministic (ties go to the earlier paper in `papers`).
 */
export function relatedPapers(papers: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, Related[]> {
  const { count = 5, termsPerPaper = 48, championsPerTerm = 100 } = options;
  const wordIds = new Map<string, number>();
  const allCounts = papers.map((paper) => termCounts(paper, wordIds));
  const documentFrequency = new Map<number, number>();
  for (const counts of allCounts) for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);

  // Reduce each paper to its strongest terms, L2-normalised: sublinear tf × smoothed idf.
  const termIds = new Map<number, number>();
  const vectorTerms: Int32Array[] = [];
  const vectorWeights: Float64Array[] = [];
  for (const counts of allCounts) {
    const scored: [number, number][] = [];
    for (const [term, tf] of counts) {
      const df = documentFrequency.get(term)!;
      // A word in only one paper relates it to nothing.
      if (df < 2) continue;
      scored.push([term, (1 + Math.log(tf)) * Math.log((1 + papers.length) / df)]);
    }
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const top = scored.slice(0, termsPerPaper);
    const norm = Math.hypot(...top.map(([, weight]) => weight)) || 1;
    vectorTerms.push(
      Int32Array.from(top, ([term]) => {
        let id = termIds.get(term);
        if (id === undefined) termIds.set(term, (id = termIds.size));
        return id;
      }),
    );
    vectorWeights.push(Float64Array.from(top, ([, weight]) => weight / norm));
  }

  // Champion lists: for each term, the papers it weighs most in.
  const lists: [number, number][][] = Array.from({ length: termIds.size }, () => []);
  vectorTerms.forEach((termsOfPaper, paper) => termsOfPaper.forEach((term, index) => lists[term].push([paper, vectorWeights[paper][index]])));
  const championDocs: Int32Array[] = [];
  const championWeights: Float64Array[] = [];
  for (const list of lists) {
    if (list.length > championsPerTerm) list.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const kept = list.slice(0, championsPerTerm);
    championDocs.push(Int32Array.from(kept, ([paper]) => paper));
    championWeights.push(Float64Array.from(kept, ([, weight]) => weight));
  }

  // Score each paper against the champions of its terms; typed arrays keep this loop tight.
  const result = new Map<string, Related[]>();
  const scores = new Float64Array(papers.length);
  const touched: number[] = [];
  for (let paper = 0; paper < papers.length; paper += 1) {
    const termsOfPaper = vectorTerms[paper];
    const weightsOfPaper = vectorWeights[paper];
    for (let index = 0; index < termsOfPaper.length; index += 1) {
      const docs = championDocs[termsOfPaper[index]];
      const weights = championWeights[termsOfPaper[index]];
      const weight = weightsOfPaper[index];
      for (let k = 0; k < docs.length; k += 1) {
        const other = docs[k];
        if (other === paper) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] += weight * weights[k];
      }
    }
    const best = topScores(touched, scores, count);
    result.set(
      papers[paper].id,
      best.map((other) => ({ id: papers[other].id, score: Math.round(scores[other] * 1000) / 1000 })),
    );
    for (const other of touched) scores[other] = 0;
    touched.length = 0;
  }
  return result;
}
