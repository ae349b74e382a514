// Search at scale: 10,000 meetings' minutes, 100,000 actions and 2,000
// escalations across 300 bodies, indexed by the migration's triggers as they are
// written, with the public version of 70% of open bodies' meetings published
// (BENCH_PUBLISHED=0 for the earlier runs' records). Prints p50/p95 of two-word
// searches for a member of a few bodies, rights included (the search service,
// as the route calls it, without HTTP).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '../server/db/database.js';
import { createSearchService } from '../server/search/index.js';
import { searchRequest } from '../shared/search.js';
import { seedSearchCorpus } from './search-corpus.js';
import { percentile } from './stats.js';

const BODIES = Number(process.env.BENCH_BODIES ?? 300);
const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 10_000);
const ITEMS_PER_MEETING = 8;
const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 100_000);
const ESCALATIONS = Number(process.env.BENCH_ESCALATIONS ?? 2_000);
const PUBLISHED = Number(process.env.BENCH_PUBLISHED ?? 0.7);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 400);
const BODIES_PER_USER = 4;

const dir = mkdtempSync(join(tmpdir(), 'quorum-bench-search-'));
const db = openDatabase({ path: join(dir, 'bench.db') });
try {
  await migrateToLatest(db);
  let started = performance.now();
  const corpus = await seedSearchCorpus(db, {
    bodies: BODIES, meetings: MEETINGS, itemsPerMeeting: ITEMS_PER_MEETING, actions: ACTIONS, escalations: ESCALATIONS,
    users: 200, bodiesPerUser: BODIES_PER_USER, published: PUBLISHED,
  });
  const { userBodies, rand, pick } = corpus;
  console.log(
    `Wrote ${MEETINGS} meetings (${MEETINGS * ITEMS_PER_MEETING} minuted items, ~80 words each; ${corpus.publishedMeetings} published) ${ACTIONS} actions and ${ESCALATIONS} escalations across ${BODIES} bodies, ` +
      `indexed as written (${corpus.entries} entries), in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const service = createSearchService({ db });
  const users = [...userBodies.keys()];
  async function measure(label: string, words: () => string, { extra = {}, samples = SAMPLES }: { extra?: Record<string, string>; samples?: number } = {}): Promise<void> {
    const times: number[] = [];
    let found = 0;
    let capped = 0;
    for (let index = 0; index < samples; index++) {
      const request = searchRequest.parse({ q: words(), ...extra });
      const begun = performance.now();
      const { total, totalIsAtLeast } = await service.search(users[index % users.length]!, request);
      times.push(performance.now() - begun);
      found += total;
      if (totalIsAtLeast) capped++;
    }
    console.log(
      `${label.padEnd(58)} p50 ${percentile(times, 50).toFixed(2).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(2).padStart(6)} ms   (${(found / samples).toFixed(0)} readable matches${capped ? `, counted to the cap in ${capped}` : ''}, ${samples} searches)`,
    );
  }

  // Words by rank: the few very common ones, and the long tail people search for.
  const { vocabulary } = corpus;
  const tail = () => vocabulary[20 + Math.floor(rand() * (vocabulary.length - 20))]!;
  const common = () => pick(corpus.common.slice(4));
  console.log(`\nSearch service, sequential searches, a member of ${BODIES_PER_USER} bodies (target: p95 under 20 ms):`);
  started = performance.now();
  await measure('two tail words ("morbelsul kelumar")', () => `${tail()} ${tail()}`);
  await measure('two tail words, minutes only, one year', () => `${tail()} ${tail()}`, { extra: { kind: 'minutes', from: '2020-01-01', to: '2020-12-31' } });
  await measure('one common word and one tail word', () => `${common()} ${tail()}`, { samples: SAMPLES / 2 });
  // Tens of thousands of matches: the worst case.
  await measure('two common words ("partners report")', () => `${common()} ${common()}`, { samples: SAMPLES / 4 });
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s of searching)`);
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
