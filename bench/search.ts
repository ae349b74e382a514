// Search at scale: 10,000 meetings' minutes, 100,000 actions and 2,000
// escalations across 300 bodies, indexed by the migration's triggers as they are written. Prints
// p50/p95 of two-word searches for a member of a few bodies, rights included
// (the search service, as the route calls it, without HTTP).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '../server/db/database.js';
import { createSearchService } from '../server/search/index.js';
import { searchRequest } from '../shared/search.js';
import { percentile } from './stats.js';
import { seededRandom } from './seeded-random.js';

const BODIES = Number(process.env.BENCH_BODIES ?? 300);
const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 10_000);
const ITEMS_PER_MEETING = 8;
const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 100_000);
const ESCALATIONS = Number(process.env.BENCH_ESCALATIONS ?? 2_000);
const USERS = 200;
const BODIES_PER_USER = 4;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 400);

const { rand, pick } = seededRandom(7);

// A vocabulary of 3,000 words used with Zipf-like frequencies, as prose is.
const COMMON = ['the', 'and', 'of', 'to', 'partners', 'report', 'police', 'council', 'meeting', 'update', 'agreed', 'noted', 'action', 'community', 'safety'];
const SYLLABLES = ['ar', 'bel', 'cor', 'den', 'ex', 'fal', 'gor', 'han', 'ist', 'jor', 'kel', 'lum', 'mor', 'nal', 'op', 'pra', 'quin', 'ros', 'sul', 'tor', 'um', 'vel', 'wix', 'yar', 'zen'];
const VOCABULARY = [...COMMON];
while (VOCABULARY.length < 3_000) VOCABULARY.push(`${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}`);
const zipfWord = () => VOCABULARY[Math.min(VOCABULARY.length - 1, Math.floor(Math.exp(rand() * Math.log(VOCABULARY.length))) - 1)]!;
const prose = (words: number) => Array.from({ length: words }, zipfWord).join(' ');

const dir = mkdtempSync(join(tmpdir(), 'quorum-bench-search-'));
const db = openDatabase({ path: join(dir, 'bench.db') });
try {
  await migrateToLatest(db);
  let started = performance.now();
  const now = new Date().toISOString();
  const bodyIds: number[] = [];
  const userBodies = new Map<number, number[]>();
  await db.transaction().execute(async (trx) => {
    const { id: agencyId } = await trx.insertInto('agencies').values({ name: 'Agency', short_name: 'A' }).returning('id').executeTakeFirstOrThrow();
    for (let index = 0; index < BODIES; index++) {
      const { id } = await trx
        .insertInto('bodies')
        .values({ name: `Body ${index}`, short_name: `B${index}`, kind: 'jag', tier: 3, parent_id: null, confidential: index % 10 === 0 ? 1 : 0, cadence: 'monthly', reference_prefix: `B${index}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      bodyIds.push(id);
    }
    for (let index = 0; index < USERS; index++) {
      const { id } = await trx
        .insertInto('users')
        .values({ email: `user${index}@bench.test`, name: `User ${index}`, agency_id: agencyId, password_hash: 'x', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const mine = new Set<number>();
      while (mine.size < BODIES_PER_USER) mine.add(pick(bodyIds));
      for (const bodyId of mine) await trx.insertInto('memberships').values({ body_id: bodyId, user_id: id, role: 'member' }).execute();
      userBodies.set(id, [...mine]);
    }
    const items = [];
    for (let index = 0; index < MEETINGS; index++) {
      const startsAt = new Date(Date.UTC(2020, 0, 1) + index * 3 * 3_600_000).toISOString();
      const { id: meetingId } = await trx
        .insertInto('meetings')
        .values({ body_id: pick(bodyIds), title: `Meeting ${index}`, starts_at: startsAt, status: 'closed', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (let position = 0; position < ITEMS_PER_MEETING; position++) {
        items.push({ meeting_id: meetingId, item_id: `i${position}`, position, title: prose(4), presenter: '', minutes_allotted: 10, part_two: rand() < 0.05 ? 1 : 0, minutes: prose(80) });
      }
      if (items.length >= 400) await trx.insertInto('agenda_items').values(items.splice(0)).execute();
    }
    if (items.length) await trx.insertInto('agenda_items').values(items).execute();
    const actions = [];
    for (let index = 0; index < ACTIONS; index++) {
      actions.push({
        action_id: `a${index}`, body_id: pick(bodyIds), reference: `R-${index}`, title: prose(8), description: prose(25),
        owner_id: null, lead_agency_id: null, due_date: null, status: 'open' as const, rag_override: null, rag_override_reason: '', theme: '',
        resources: '', outcome_measure: '', source_meeting_id: null, source_item_id: null, created_at: now, closed_at: null,
        latest_progress: rand() < 0.5 ? prose(15) : null, latest_progress_at: null,
      });
      if (actions.length === 500) await trx.insertInto('actions').values(actions.splice(0)).execute();
    }
    if (actions.length) await trx.insertInto('actions').values(actions).execute();
    const firstUser = [...userBodies.keys()][0]!;
    for (let index = 0; index < ESCALATIONS; index++) {
      const from = pick(bodyIds);
      await trx
        .insertInto('escalations')
        .values({
          previous_id: null, origin_body_id: from, origin_action_id: `a${index}`, from_body_id: from, to_body_id: pick(bodyIds),
          summary: prose(10), reason: prose(20), raised_by: firstUser, raised_at: now,
        })
        .execute();
    }
  });
  const entries = await db.selectFrom('search_entries' as never).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  console.log(
    `Wrote ${MEETINGS} meetings (${MEETINGS * ITEMS_PER_MEETING} minuted items, ~80 words each) ${ACTIONS} actions and ${ESCALATIONS} escalations across ${BODIES} bodies, ` +
      `indexed by trigger as written (${entries.count} entries), in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const service = createSearchService({ db });
  const users = [...userBodies.keys()];
  async function measure(label: string, words: () => string, { extra = {}, samples = SAMPLES }: { extra?: Record<string, string>; samples?: number } = {}): Promise<void> {
    const times: number[] = [];
    let found = 0;
    for (let index = 0; index < samples; index++) {
      const request = searchRequest.parse({ q: words(), ...extra });
      const begun = performance.now();
      const { total } = await service.search(users[index % users.length]!, request);
      times.push(performance.now() - begun);
      found += total;
    }
    console.log(
      `${label.padEnd(58)} p50 ${percentile(times, 50).toFixed(2).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(2).padStart(6)} ms   (${(found / samples).toFixed(0)} readable matches, ${samples} searches)`,
    );
  }

  // Words by rank: the few very common ones, and the long tail people search for.
  const tail = () => VOCABULARY[20 + Math.floor(rand() * (VOCABULARY.length - 20))]!;
  const common = () => pick(COMMON.slice(4));
  console.log(`\nSearch service, sequential searches, a member of ${BODIES_PER_USER} bodies (target: p95 under 20 ms):`);
  started = performance.now();
  await measure('two tail words ("morbelsul kelumar")', () => `${tail()} ${tail()}`);
  await measure('two tail words, minutes only, one year', () => `${tail()} ${tail()}`, { extra: { kind: 'minutes', from: '2020-01-01', to: '2020-12-31' } });
  await measure('one common word and one tail word', () => `${common()} ${tail()}`, { samples: SAMPLES / 2 });
  // Tens of thousands of matches, every one ranked and counted: the worst case, so few samples.
  await measure('two common words ("partners report")', () => `${common()} ${common()}`, { samples: 40 });
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s of searching)`);
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
