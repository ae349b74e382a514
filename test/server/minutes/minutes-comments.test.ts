import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MinutesComment } from '../../../shared/minutes-api.js';
import { MINUTES_LIMITS } from '../../../shared/minutes-lifecycle.js';
import { startMinutesWorld, type MinutesWorld, type Who } from './minutes-lifecycle-support.js';

describe('comments on circulated minutes', () => {
  let world: MinutesWorld;
  let meetingId: number;
  const db = () => world.server.database.db;
  const comment = (who: Who, body: unknown, id = meetingId) => world.call<MinutesComment>(who, 'POST', `/api/meetings/${id}/minutes/comments`, body);
  const comments = (who: Who, id = meetingId) => world.call<MinutesComment[]>(who, 'GET', `/api/meetings/${id}/minutes/comments`);
  const stored = async (id = meetingId) => (await db().selectFrom('minutes_comments').select('text').where('meeting_id', '=', id).execute()).map((row) => row.text);
  const itemId = async (title: string) =>
    (await db().selectFrom('agenda_items').select('item_id').where('meeting_id', '=', meetingId).where('title', '=', title).executeTakeFirstOrThrow()).item_id;

  beforeAll(async () => {
    world = await startMinutesWorld();
    meetingId = await world.closedMeeting('2030-09-02T10:00:00Z');
  });
  afterAll(() => world?.close());

  it('takes comments only while the minutes are circulated', async () => {
    const early = await comment('member', { text: 'Too soon' });
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ error: { code: 'conflict', message: 'The minutes are draft; comments are taken while they are circulated' } });
    expect((await world.status('member', meetingId)).mayComment).toBe(false);
    expect((await world.step('chair', meetingId, { step: 'circulate' })).status).toBe(200);
    expect(await stored()).toEqual([]);
  });

  it('lets members who take part comment, on the minutes or one item, and tells those running the body', async () => {
    const whole = await comment('member', { text: 'Please add the date of the next meeting.' });
    expect(whole.status, whole.text).toBe(201);
    expect(whole.json).toMatchObject({ authorName: 'Daniel Okafor', agency: expect.any(String), itemId: null, itemTitle: null, text: 'Please add the date of the next meeting.' });

    const police = await itemId('Police performance and crime trends');
    const onItem = await comment('vice', { text: '  It was a tenth, not a fifth.  ', itemId: police });
    expect(onItem.status).toBe(201);
    expect(onItem.json).toMatchObject({ itemId: police, itemTitle: 'Police performance and crime trends', text: 'It was a tenth, not a fifth.' });

    const told = await db()
      .selectFrom('notifications')
      .select(['user_id', 'title'])
      .where('kind', '=', 'minutes-comment')
      .where('link', '=', `/meetings/${meetingId}/minutes`)
      .execute();
    const toldAbout = (author: string) => told.filter((row) => row.title.startsWith(author)).map((row) => row.user_id).sort();
    expect(toldAbout('Daniel Okafor')).toEqual([world.userId('chair'), world.userId('vice'), world.userId('secretariat')].sort());
    expect(toldAbout('Daniel Okafor')).not.toContain(world.userId('member'));
    expect(toldAbout(onItem.json.authorName)).toEqual([world.userId('chair'), world.userId('secretariat')].sort()); // not the vice-chair who wrote it

    expect((await world.status('chair', meetingId)).commentCount).toBe(2);
  });

  it('lists comments oldest first to members only', async () => {
    for (const who of ['chair', 'member', 'observer'] as const) {
      const listed = await comments(who);
      expect(listed.status, who).toBe(200);
      expect(listed.json.map((each) => each.text)).toEqual(['Please add the date of the next meeting.', 'It was a tenth, not a fifth.']);
    }
    const outsider = await comments('outsider');
    expect(outsider.status).toBe(403);
    expect(outsider.text).not.toContain('tenth');
    expect((await world.status('outsider', meetingId)).commentCount).toBe(0);
  });

  it('refuses observers and non-members, and answers a confidential body’s outsider as for a missing meeting', async () => {
    for (const who of ['observer', 'outsider'] as const) {
      expect((await comment(who, { text: `From the ${who}` })).status, who).toBe(403);
    }
    const youth = await world.closedMeeting('2030-09-09T10:00:00Z', 'youth');
    expect((await world.call('youthChair', 'POST', `/api/meetings/${youth}/minutes/steps`, { step: 'circulate' })).status).toBe(200);
    const confidential = await comment('outsider', { text: 'Hello' }, youth);
    const missing = await comment('outsider', { text: 'Hello' }, 999_999);
    expect({ status: confidential.status, text: confidential.text }).toEqual({ status: 404, text: missing.text });
    expect((await comments('outsider', youth)).text).toBe((await comments('outsider', 999_999)).text);
    expect(await stored(youth)).toEqual([]);
    expect(await stored()).toHaveLength(2);
  });

  it('refuses an unknown item, bad input and an oversize comment, storing nothing', async () => {
    const unknown = await comment('member', { text: 'On what?', itemId: 'no-such-item' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error?.message).toMatch(/not on this meeting’s agenda/);
    for (const body of [{}, { text: '' }, { text: '   ' }, { text: 42 }, { text: 'x'.repeat(MINUTES_LIMITS.commentLength + 1) }, { text: 'ok', itemId: 7 }, { text: 'ok', mood: 'cross' }]) {
      const answer = await comment('member', body);
      expect(answer.status, JSON.stringify(body).slice(0, 60)).toBe(400);
    }
    expect(await stored()).toHaveLength(2);
  });

  it('stops taking comments at the limit for one meeting, and once the minutes are withdrawn', async () => {
    const authorId = world.userId('member');
    const at = new Date().toISOString();
    const room = MINUTES_LIMITS.commentsPerMeeting - (await stored()).length;
    await db()
      .insertInto('minutes_comments')
      .values(Array.from({ length: room }, (_, index) => ({ meeting_id: meetingId, user_id: authorId, item_id: null, text: `Filler ${index}`, created_at: at })))
      .execute();
    const over = await comment('member', { text: 'One too many' });
    expect(over.status).toBe(409);
    expect(await stored()).toHaveLength(MINUTES_LIMITS.commentsPerMeeting);

    expect((await world.step('chair', meetingId, { step: 'withdraw' })).status).toBe(200);
    expect((await comment('chair', { text: 'After withdrawal' })).status).toBe(409);
    // Comments stay with the minutes when they are withdrawn to amend.
    expect((await comments('member')).json).toHaveLength(MINUTES_LIMITS.commentsPerMeeting);
  });
});
