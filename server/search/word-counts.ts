import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** Counts change slowly and only weigh the words against each other, so a few minutes' old count serves. */
const KEPT_MS = 5 * 60_000;
const MOST_KEPT = 10_000;

export interface WordCounts {
  /** How many records there are, and how many hold each word. */
  of(words: readonly string[]): Promise<{ records: number; holding: number[] }>;
}

/**
 * How many records hold each word, for ranking. Counting a word as common as
 * "partners" walks its whole list in the index (about 20 ms at 230,000
 * records), so counts are kept for a few minutes.
 */
export function createWordCounts(db: Db, matchOf: (word: string) => string, now: () => number = Date.now): WordCounts {
  const kept = new Map<string, { count: number; at: number }>();

  async function counted(key: string, count: () => Promise<number>): Promise<number> {
    const hit = kept.get(key);
    if (hit && now() - hit.at < KEPT_MS) return hit.count;
    if (kept.size >= MOST_KEPT) kept.clear();
    const fresh = { count: await count(), at: now() };
    kept.set(key, fresh);
    return fresh.count;
  }

  return {
    async of(words) {
      const records = await counted('', async () => {
        const { rows } = await sql<{ count: number }>`select count(*) as count from search_entries`.execute(db);
        return rows[0]!.count;
      });
      const holding = [];
      for (const word of words) {
        holding.push(
          await counted(`word:${word.toLowerCase()}`, async () => {
            const { rows } = await sql<{ count: number }>`select count(*) as count from search_text where search_text match ${matchOf(word)}`.execute(db);
            return rows[0]!.count;
          }),
        );
      }
      return { records, holding };
    },
  };
}
