/**
 * Ranks candidate matches by BM25 in JavaScript. FTS5's own bm25() walks the
 * whole list of records holding each word to weigh it (20–40 ms for a word
 * like "partners" over 230,000 records, even to rank one row); here the weight
 * of each word comes from a count cached for a few minutes, and only the
 * candidates are scored. FTS5 has already decided what matches: this only
 * orders them, so its tokens need only be close to the porter tokenizer's
 * (`stemmer` is the same Porter algorithm).
 */
import { stemmer as stem } from 'stemmer';

/** A title match counts four times a match in the text, as in the search page's ordering before. */
const TITLE_WEIGHT = 4;
const K1 = 1.2;
const B = 0.75;

/** Lower case with accents dropped, as unicode61 folds them. */
function folded(text: string): string {
  const lower = text.toLowerCase();
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u007f]/.test(lower) ? lower.normalize('NFKD').replace(/\p{M}/gu, '') : lower;
}

const isWordChar = (char: string) => /[\p{L}\p{N}]/u.test(char);

/**
 * Counts a word in folded text: each word starting like it whose stem is the
 * word's. Only the word's first token counts ("o'brien" as "o"): near enough
 * to order matches, and far quicker than tokenising every candidate.
 */
function wordCounter(word: string): (text: string) => number {
  const first = folded(word).split(/[^\p{L}\p{N}]+/u).find(Boolean) ?? '';
  const target = stem(first);
  // "cities" stems to "city": look for the stem less its last letter.
  const prefix = target.slice(0, Math.max(1, target.length - 1));
  return (text) => {
    let count = 0;
    for (let at = text.indexOf(prefix); at !== -1; at = text.indexOf(prefix, at + 1)) {
      if (at > 0 && isWordChar(text[at - 1]!)) continue;
      let end = at + prefix.length;
      while (end < text.length && isWordChar(text[end]!)) end++;
      if (stem(text.slice(at, end)) === target) count++;
    }
    return count;
  };
}

export interface RankedWord {
  /** The word as typed. */
  word: string;
  /** How many records hold it, of `records`. */
  holding: number;
}

export interface Candidate {
  title: string;
  text: string;
}

/**
 * Scores each candidate (higher is better) for the words, given how many
 * records there are in all. A record's length is taken in characters, against
 * the candidates' average.
 */
export function bm25Scores(candidates: readonly Candidate[], words: readonly RankedWord[], records: number): number[] {
  const phrases = words.map(({ word, holding }) => ({
    count: wordCounter(word),
    idf: Math.log(1 + (records - holding + 0.5) / (holding + 0.5)),
  }));
  const docs = candidates.map((candidate) => ({ title: folded(candidate.title), text: folded(candidate.text) }));
  const averageLength = docs.reduce((sum, doc) => sum + doc.title.length + doc.text.length, 0) / Math.max(1, docs.length) || 1;
  return docs.map((doc) => {
    const length = doc.title.length + doc.text.length;
    return phrases.reduce((score, phrase) => {
      const frequency = TITLE_WEIGHT * phrase.count(doc.title) + phrase.count(doc.text);
      return score + (phrase.idf * frequency * (K1 + 1)) / (frequency + K1 * (1 - B + (B * length) / averageLength));
    }, 0);
  });
}
