// The search benchmark's records: meetings' minutes, actions and escalations
// across many bodies, written through the tables so the migration's triggers
// index them, and the public version of most open bodies' minutes published.
import type { CouncilMinutes, MinutesItem } from '../shared/council-minutes.js';
import type { Db } from '../server/db/database.js';
import { indexPublishedMinutes } from '../server/search/published-minutes.js';
import { seededRandom } from './seeded-random.js';

export interface CorpusSize {
  bodies: number;
  meetings: number;
  itemsPerMeeting: number;
  actions: number;
  escalations: number;
  users: number;
  bodiesPerUser: number;
  /** The share of open bodies' meetings whose minutes are published (0–1). */
  published: number;
}

export interface Corpus {
  /** Each user's bodies (all as a plain member). */
  userBodies: Map<number, number[]>;
  /** Search entries written, working and published. */
  entries: number;
  publishedMeetings: number;
  vocabulary: readonly string[];
  /** The few very common words, most common first. */
  common: readonly string[];
  rand: () => number;
  pick: <T>(values: readonly T[]) => T;
}

// A vocabulary of 3,000 words used with Zipf-like frequencies, as prose is.
const COMMON = ['the', 'and', 'of', 'to', 'partners', 'report', 'police', 'council', 'meeting', 'update', 'agreed', 'noted', 'action', 'community', 'safety'];
const SYLLABLES = ['ar', 'bel', 'cor', 'den', 'ex', 'fal', 'gor', 'han', 'ist', 'jor', 'kel', 'lum', 'mor', 'nal', 'op', 'pra', 'quin', 'ros', 'sul', 'tor', 'um', 'vel', 'wix', 'yar', 'zen'];

/** The public version of a meeting's minutes as search indexes it: items only, the rest left plain. */
function publicMinutes(items: MinutesItem[]): CouncilMinutes {
  return {
    version: 'public', marking: null, bodyName: '', heading: '', date: '', draft: false, confirmation: null, stage: 'published',
    revision: null, chairedBy: null, present: [], inAttendance: [], apologies: [], declarations: [], items, actions: [],
    escalations: [], priorities: [], nextMeeting: null,
  };
}

export async function seedSearchCorpus(db: Db, size: CorpusSize): Promise<Corpus> {
  const { rand, pick } = seededRandom(7);
  const vocabulary = [...COMMON];
  while (vocabulary.length < 3_000) vocabulary.push(`${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}`);
  const zipfWord = () => vocabulary[Math.min(vocabulary.length - 1, Math.floor(Math.exp(rand() * Math.log(vocabulary.length))) - 1)]!;
  const prose = (words: number) => Array.from({ length: words }, zipfWord).join(' ');

  const now = new Date().toISOString();
  const bodyIds: number[] = [];
  const confidential = new Set<number>();
  const userBodies = new Map<number, number[]>();
  let publishedMeetings = 0;
  await db.transaction().execute(async (trx) => {
    const { id: agencyId } = await trx.insertInto('agencies').values({ name: 'Agency', short_name: 'A' }).returning('id').executeTakeFirstOrThrow();
    for (let index = 0; index < size.bodies; index++) {
      const { id } = await trx
        .insertInto('bodies')
        .values({ name: `Body ${index}`, short_name: `B${index}`, kind: 'jag', tier: 3, parent_id: null, confidential: index % 10 === 0 ? 1 : 0, cadence: 'monthly', reference_prefix: `B${index}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      bodyIds.push(id);
      if (index % 10 === 0) confidential.add(id);
    }
    for (let index = 0; index < size.users; index++) {
      const { id } = await trx
        .insertInto('users')
        .values({ email: `user${index}@bench.test`, name: `User ${index}`, agency_id: agencyId, password_hash: 'x', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const mine = new Set<number>();
      while (mine.size < size.bodiesPerUser) mine.add(pick(bodyIds));
      for (const bodyId of mine) await trx.insertInto('memberships').values({ body_id: bodyId, user_id: id, role: 'member' }).execute();
      userBodies.set(id, [...mine]);
    }
    const items = [];
    for (let index = 0; index < size.meetings; index++) {
      const startsAt = new Date(Date.UTC(2020, 0, 1) + index * 3 * 3_600_000).toISOString();
      const bodyId = pick(bodyIds);
      const { id: meetingId } = await trx
        .insertInto('meetings')
        .values({ body_id: bodyId, title: `Meeting ${index}`, starts_at: startsAt, status: 'closed', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const published: MinutesItem[] = [];
      for (let position = 0; position < size.itemsPerMeeting; position++) {
        const item = { meeting_id: meetingId, item_id: `i${position}`, position, title: prose(4), presenter: '', minutes_allotted: 10, part_two: rand() < 0.05 ? 1 : 0, minutes: prose(80) };
        items.push(item);
        const exempt = item.part_two === 1;
        published.push({
          number: position + 1, title: exempt ? '' : item.title, partTwo: exempt, exempt, exemptionReason: '', presenter: '',
          minutes: exempt ? '' : item.minutes, resolutions: [],
        });
      }
      if (items.length >= 400) await trx.insertInto('agenda_items').values(items.splice(0)).execute();
      // With nothing published the records are those of the earlier runs (the same random draws).
      if (size.published > 0 && !confidential.has(bodyId) && rand() < size.published) {
        await indexPublishedMinutes(trx, { meetingId, bodyId, startsAt, minutes: publicMinutes(published) });
        publishedMeetings++;
      }
    }
    if (items.length) await trx.insertInto('agenda_items').values(items).execute();
    const actions = [];
    for (let index = 0; index < size.actions; index++) {
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
    for (let index = 0; index < size.escalations; index++) {
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
  const { count } = await db.selectFrom('search_entries' as never).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return { userBodies, entries: Number(count), publishedMeetings, vocabulary, common: COMMON, rand, pick };
}
