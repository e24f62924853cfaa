/**
 * Related papers: TF-IDF similarity over title, abstract and notes, within the paper's topics.
 *
 * Words alone relate papers that share vocabulary but not subject ("memory" in a
 * world-model paper and in a KV-cache one), so a paper on a topic lists first the
 * papers that share one of its topics, those sharing more of them a little higher
 * (cosine × (1 + Jaccard overlap of the topic sets)); papers on none of its topics
 * only fill a list that would otherwise be short. A paper on no topic is related by
 * its words alone.
 *
 * All-pairs cosine similarity is O(n²): 2.5 billion pairs at 50,000 papers.
 * Instead each paper is reduced to its strongest terms, and each term keeps
 * only the papers it weighs most in (a "champion list", as search engines
 * do). Scoring a paper then touches at most TERMS × CHAMPIONS others, so the
 * whole pass is linear in the number of papers.
 */
import { notesText } from '../site/text.ts';

/** What similarity reads from a paper. */
export interface RelatedInput {
  id: string;
  title: string;
  abstract: string;
  notes?: string;
  /** The topics the paper is on, as assigned (by the rules or a person); none when omitted. */
  topics?: readonly string[];
}

/** What `relatedInputs` reads from a paper: a paper as the pages load it (`src/papers/load.ts`). */
export interface RelatedSource {
  id: string;
  body: string;
  data: { title: string; abstract: string; topics: readonly string[] };
}

/** The build's input to `relatedPapers`: title, abstract, the notes as text, and the assigned topics. */
export function relatedInputs(papers: readonly RelatedSource[]): RelatedInput[] {
  return papers.map((paper) => ({ id: paper.id, title: paper.data.title, abstract: paper.data.abstract, notes: notesText(paper.body), topics: paper.data.topics }));
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

// Added to the rank of a candidate that shares a topic with the paper: above any cosine (at most 1).
const TOPIC_TIER = 2;

// A word is numbered below PAIR_BASE, a word pair wordA × PAIR_BASE + wordB + PAIR_BASE: numbers, not strings,
// so a paper's terms are counted by sorting a Float64Array.
const PAIR_BASE = 2 ** 24;

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

/** Each paper's topics as a bit set: `words` 32-bit words per paper, paper `p`'s in `masks[p * words …]`. */
function topicMasks(papers: readonly RelatedInput[]): { masks: Uint32Array; words: number } {
  const ids = new Map<string, number>();
  for (const paper of papers) for (const topic of paper.topics ?? []) if (!ids.has(topic)) ids.set(topic, ids.size);
  const words = Math.max(1, Math.ceil(ids.size / 32));
  const masks = new Uint32Array(papers.length * words);
  papers.forEach((paper, index) => {
    for (const topic of paper.topics ?? []) {
      const id = ids.get(topic)!;
      masks[index * words + (id >>> 5)] |= 1 << (id & 31);
    }
  });
  return { masks, words };
}

/** Set bits of a 32-bit word. */
function popcount(word: number): number {
  word -= (word >>> 1) & 0x55555555;
  word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
  return (((word + (word >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A text and how many times each of its terms counts. */
export type WeightedText = readonly [text: string, times: number];

/** What `countTerms` finds: each document's distinct terms (dense ids) and their counts, and each term's document frequency. */
export interface TermCounts {
  terms: Int32Array[];
  counts: Int32Array[];
  termCount: number;
  /** Each term's numeric key: a word's id, or a word pair's (see PAIR_BASE); ties between equal weights go by key. */
  keyOfId: Float64Array;
  documentFrequency: Int32Array;
  /** A term as text: "context", or "long context" for a pair. */
  termText: (id: number) => string;
}

/**
 * Each document's distinct terms and how often they occur, a document being weighted texts (related
 * papers count the title twice, as a paper's most deliberate words). Terms get dense ids in order of
 * first appearance; a document's occurrences are counted by sorting their numeric keys, so no map is
 * kept per document.
 */
export function countTerms(documents: readonly (readonly WeightedText[])[]): TermCounts {
  const wordIds = new Map<string, number>();
  const idOfKey = new Map<number, number>();
  let keyOfId = new Float64Array(1 << 16);
  let documentFrequency = new Int32Array(1 << 16);
  let occurrences = new Float64Array(1 << 12);
  let length = 0;
  const push = (key: number, times: number) => {
    if (length + times > occurrences.length) occurrences = grow(occurrences, length + times);
    for (let time = 0; time < times; time += 1) occurrences[length++] = key;
  };
  const add = (text: string, times: number) => {
    let previous = -1;
    for (const word of tokenize(text)) {
      let id = wordIds.get(word);
      if (id === undefined) wordIds.set(word, (id = wordIds.size));
      push(id, times);
      if (previous !== -1) push((previous + 1) * PAIR_BASE + id, times);
      previous = id;
    }
  };

  const terms: Int32Array[] = [];
  const counts: Int32Array[] = [];
  for (const texts of documents) {
    length = 0;
    for (const [text, times] of texts) if (text) add(text, times);
    const keys = occurrences.subarray(0, length).sort();
    const ids: number[] = [];
    const tfs: number[] = [];
    for (let at = 0; at < length; ) {
      const key = keys[at];
      let next = at + 1;
      while (next < length && keys[next] === key) next += 1;
      let id = idOfKey.get(key);
      if (id === undefined) {
        idOfKey.set(key, (id = idOfKey.size));
        if (id === keyOfId.length) {
          keyOfId = grow(keyOfId, id + 1);
          documentFrequency = grow(documentFrequency, id + 1);
        }
        keyOfId[id] = key;
      }
      documentFrequency[id] += 1;
      ids.push(id);
      tfs.push(next - at);
      at = next;
    }
    terms.push(Int32Array.from(ids));
    counts.push(Int32Array.from(tfs));
  }
  const words = [...wordIds.keys()];
  const termText = (id: number) => {
    const key = keyOfId[id];
    if (key < PAIR_BASE) return words[key];
    const second = key % PAIR_BASE;
    return `${words[(key - second) / PAIR_BASE - 1]} ${words[second]}`;
  };
  return { terms, counts, termCount: idOfKey.size, keyOfId, documentFrequency, termText };
}

/** A copy of `array` with room for at least `size` elements. */
function grow<T extends Float64Array | Int32Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * The `count` most similar papers to each paper, by id. Pure and
 * deterministic (ties go to the earlier paper in `papers`).
 */
export function relatedPapers(papers: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, Related[]> {
  const { count = 5, termsPerPaper = 48, championsPerTerm = 100 } = options;
  const { terms, counts, termCount, keyOfId, documentFrequency } = countTerms(
    papers.map((paper) => [[paper.title, 2], [paper.abstract, 1], [paper.notes ?? '', 1]]),
  );

  // Reduce each paper to its strongest terms, L2-normalised: sublinear tf × smoothed idf.
  // Kept in order of weight, then of term key, by insertion into a short sorted list.
  const vectorTerms: Int32Array[] = [];
  const vectorWeights: Float64Array[] = [];
  const topTerms = new Int32Array(termsPerPaper);
  const topWeights = new Float64Array(termsPerPaper);
  for (let paper = 0; paper < papers.length; paper += 1) {
    const ids = terms[paper];
    const tfs = counts[paper];
    let kept = 0;
    for (let index = 0; index < ids.length; index += 1) {
      const term = ids[index];
      const df = documentFrequency[term];
      // A word in only one paper relates it to nothing.
      if (df < 2) continue;
      const weight = (1 + Math.log(tfs[index])) * Math.log((1 + papers.length) / df);
      const key = keyOfId[term];
      let at = kept;
      while (at > 0 && (topWeights[at - 1] < weight || (topWeights[at - 1] === weight && keyOfId[topTerms[at - 1]] > key))) at -= 1;
      if (at === termsPerPaper) continue;
      if (kept < termsPerPaper) kept += 1;
      topTerms.copyWithin(at + 1, at, kept - 1);
      topWeights.copyWithin(at + 1, at, kept - 1);
      topTerms[at] = term;
      topWeights[at] = weight;
    }
    const weights = topWeights.slice(0, kept);
    const norm = Math.hypot(...weights) || 1;
    vectorTerms.push(topTerms.slice(0, kept));
    vectorWeights.push(weights.map((weight) => weight / norm));
  }

  // Champion lists: for each term, the papers it weighs most in. One flat array, a segment per
  // term, filled in paper order; a long segment is cut to its best `championsPerTerm` in place.
  const listStart = new Int32Array(termCount + 1);
  for (const termsOfPaper of vectorTerms) for (const term of termsOfPaper) listStart[term + 1] += 1;
  for (let term = 0; term < termCount; term += 1) listStart[term + 1] += listStart[term];
  const listEnd = listStart.slice(0, termCount);
  const listPapers = new Int32Array(listStart[termCount]);
  const listWeights = new Float64Array(listStart[termCount]);
  vectorTerms.forEach((termsOfPaper, paper) =>
    termsOfPaper.forEach((term, index) => {
      listPapers[listEnd[term]] = paper;
      listWeights[listEnd[term]++] = vectorWeights[paper][index];
    }),
  );
  for (let term = 0; term < termCount; term += 1) {
    const start = listStart[term];
    if (listEnd[term] - start <= championsPerTerm) continue;
    const best = Array.from({ length: listEnd[term] - start }, (_, offset) => start + offset)
      .sort((a, b) => listWeights[b] - listWeights[a] || listPapers[a] - listPapers[b])
      .slice(0, championsPerTerm);
    const papersOfBest = best.map((at) => listPapers[at]);
    const weightsOfBest = best.map((at) => listWeights[at]);
    listPapers.set(papersOfBest, start);
    listWeights.set(weightsOfBest, start);
    listEnd[term] = start + championsPerTerm;
  }

  // Score each paper against the champions of its terms; typed arrays keep this loop tight.
  const { masks, words } = topicMasks(papers);
  const result = new Map<string, Related[]>();
  const scores = new Float64Array(papers.length);
  // The order of the candidates: papers sharing a topic above all others (cosine ≤ 1 < TOPIC_TIER).
  const ranks = new Float64Array(papers.length);
  const touched: number[] = [];
  for (let paper = 0; paper < papers.length; paper += 1) {
    const termsOfPaper = vectorTerms[paper];
    const weightsOfPaper = vectorWeights[paper];
    for (let index = 0; index < termsOfPaper.length; index += 1) {
      const term = termsOfPaper[index];
      const weight = weightsOfPaper[index];
      for (let at = listStart[term]; at < listEnd[term]; at += 1) {
        const other = listPapers[at];
        if (other === paper) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] += weight * listWeights[at];
      }
    }
    const mine = paper * words;
    let onTopics = false;
    for (let word = 0; word < words; word += 1) if (masks[mine + word] !== 0) onTopics = true;
    if (onTopics && words === 1) {
      // Up to 32 topics (the usual case): one word per paper, no inner loop.
      const own = masks[paper];
      const ownCount = popcount(own);
      for (const other of touched) {
        const theirs = masks[other];
        const shared = own & theirs;
        ranks[other] = shared === 0 ? scores[other] : TOPIC_TIER + scores[other] * (1 + popcount(shared) / (ownCount + popcount(theirs) - popcount(shared)));
      }
    } else if (onTopics) {
      for (const other of touched) {
        let shared = 0;
        let either = 0;
        for (let word = 0, theirs = other * words; word < words; word += 1) {
          shared += popcount(masks[mine + word] & masks[theirs + word]);
          either += popcount(masks[mine + word] | masks[theirs + word]);
        }
        ranks[other] = shared === 0 ? scores[other] : TOPIC_TIER + scores[other] * (1 + shared / either);
      }
    }
    const best = topScores(touched, onTopics ? ranks : scores, count);
    result.set(
      papers[paper].id,
      best.map((other) => ({ id: papers[other].id, score: Math.round(scores[other] * 1000) / 1000 })),
    );
    for (const other of touched) scores[other] = 0;
    touched.length = 0;
  }
  return result;
}
