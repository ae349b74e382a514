import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouncilMinutes } from '../../../shared/council-minutes.js';
import { readMeetingDoc } from '../../../shared/meeting-doc.js';
import { meetingDocName } from '../../../shared/meetings.js';
import { startMinutesWorld, type MinutesWorld } from './minutes-lifecycle-support.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('stored versions of confirmed minutes', () => {
  let world: MinutesWorld;
  let meetingId: number;
  const db = () => world.server.database.db;
  const versions = () => db().selectFrom('minutes_versions').selectAll().where('meeting_id', '=', meetingId).orderBy('number').execute();

  /** A JAG meeting whose minutes are circulated and confirmed at the next, live, meeting. */
  async function confirmed(startsAt: string, nextStartsAt: string): Promise<number> {
    const id = await world.closedMeeting(startsAt);
    expect((await world.step('chair', id, { step: 'circulate' })).status).toBe(200);
    await world.liveMeeting(nextStartsAt);
    const approved = await world.step('chair', id, { step: 'approve', movedBy: world.userId('member'), secondedBy: world.userId('secretariat') });
    expect(approved.status, approved.text).toBe(200);
    return id;
  }

  beforeAll(async () => {
    world = await startMinutesWorld();
    meetingId = await confirmed('2030-03-04T10:00:00Z', '2030-04-01T10:00:00Z');
  });
  afterAll(() => world?.close());

  it('stores version 1 with the SHA-256 of exactly the JSON stored, full and public, and the same hash on every reading', async () => {
    const [v1] = await versions();
    expect(v1).toMatchObject({ number: 1, reason: null, published_at: null });
    expect(sha256(v1!.full_json)).toBe(v1!.full_hash);
    expect(sha256(v1!.public_json!)).toBe(v1!.public_hash);
    const full = JSON.parse(v1!.full_json) as CouncilMinutes;
    expect(full).toMatchObject({ draft: false, revision: null, confirmation: { movedBy: 'Daniel Okafor', signedBy: 'Helen Whitmore (Chair)' } });
    expect(full.items.map((item) => item.title)).toEqual(['Police performance and crime trends', 'High-risk ASB victims (Sentinel)']);
    const publicCopy = JSON.parse(v1!.public_json!) as CouncilMinutes;
    expect(v1!.public_json).not.toContain('Jane Doe');
    expect(publicCopy.items[1]).toMatchObject({ exempt: true, title: '' });

    const first = (await world.status('chair', meetingId)).revisions;
    const again = (await world.status('member', meetingId)).revisions;
    expect(first).toEqual(again);
    expect(first[0]!.hash).toBe(v1!.full_hash);
  });

  it('refuses any change to, or removal of, a stored version, even by raw SQL', async () => {
    const before = await versions();
    await expect(sql`update minutes_versions set full_json = '{}' where meeting_id = ${meetingId}`.execute(db())).rejects.toThrow(/never changes/);
    await expect(sql`update minutes_versions set reason = 'quietly' where meeting_id = ${meetingId}`.execute(db())).rejects.toThrow(/never changes/);
    await expect(sql`delete from minutes_versions where meeting_id = ${meetingId}`.execute(db())).rejects.toThrow(/never deleted/);
    expect(await versions()).toEqual(before);
  });

  it('publishes once: publishing again is refused and the publication time stays as it was', async () => {
    const published = await world.step('secretariat', meetingId, { step: 'publish' });
    expect(published.status).toBe(200);
    const [v1] = await versions();
    expect(v1!.published_at).toBe(published.json.publishedAt);
    const again = await world.step('chair', meetingId, { step: 'publish' });
    expect(again.status).toBe(409);
    expect(again.json.error?.message).toMatch(/^The minutes are published; /);
    expect((await versions())[0]!.published_at).toBe(v1!.published_at);
    await expect(sql`update minutes_versions set published_at = '2031-01-01T00:00:00.000Z' where meeting_id = ${meetingId}`.execute(db())).rejects.toThrow(/never changes/);
  });

  it('issues a correction as version 2 with its reason, published at once, leaving version 1 exactly as it was', async () => {
    const [v1Before] = await versions();
    const docName = meetingDocName(meetingId);
    expect((await world.step('chair', meetingId, { step: 'correct' })).status).toBe(200);
    let stage = '';
    await world.server.registry.change(docName, (doc) => {
      stage = readMeetingDoc(doc).minutesStage;
    });
    expect(stage).toBe('correcting');
    await world.write(meetingId, 'Police performance and crime trends', 'Corrected: crime is down by a fifth. ');

    const corrected = await world.step('secretariat', meetingId, { step: 'issue-correction', reason: 'The fall in crime was a fifth, not a tenth' });
    expect(corrected.status, corrected.text).toBe(200);
    expect(corrected.json.stage).toBe('published');
    expect(corrected.json.revisions.map((revision) => [revision.number, revision.reason])).toEqual([
      [1, null],
      [2, 'The fall in crime was a fifth, not a tenth'],
    ]);
    const [v1, v2] = await versions();
    expect(v1).toEqual(v1Before);
    expect(v2!.published_at).toBe(v2!.created_at);
    expect(sha256(v2!.full_json)).toBe(v2!.full_hash);
    const full = JSON.parse(v2!.full_json) as CouncilMinutes;
    expect(full.items[0]!.minutes).toContain('Corrected: crime is down by a fifth.');
    expect(full.confirmation).toEqual(JSON.parse(v1!.full_json).confirmation);
    expect(JSON.parse(v1!.full_json).items[0].minutes).not.toContain('Corrected');

    // Every version stays listed; the rest of the partnership sees both published versions' public copies.
    const outsider = await world.status('outsider', meetingId);
    expect(outsider.revisions.map((revision) => revision.hash)).toEqual([v1!.public_hash, v2!.public_hash]);
  });

  it('takes a correction to minutes never published back to confirmed, unpublished', async () => {
    const id = await confirmed('2030-05-06T10:00:00Z', '2030-06-03T10:00:00Z');
    expect((await world.step('vice', id, { step: 'correct' })).status).toBe(200);
    const corrected = await world.step('vice', id, { step: 'issue-correction', reason: 'Apologies were missed' });
    expect(corrected.status).toBe(200);
    expect(corrected.json).toMatchObject({ stage: 'approved', publishedAt: null, steps: ['publish', 'correct'] });
    expect(corrected.json.revisions.map((revision) => revision.publishedAt)).toEqual([null, null]);
    expect((await world.status('outsider', id)).revisions).toEqual([]);
  });

  it('keeps a confidential body’s versions to its full copy and its members', async () => {
    const youth = await world.closedMeeting('2030-07-01T10:00:00Z', 'youth');
    expect((await world.call('youthChair', 'POST', `/api/meetings/${youth}/minutes/steps`, { step: 'circulate' })).status).toBe(200);
    await world.liveMeeting('2030-08-05T10:00:00Z', 'youth');
    const approved = await world.call('youthChair', 'POST', `/api/meetings/${youth}/minutes/steps`, { step: 'approve', movedBy: world.userId('youthChair') });
    expect(approved.status, approved.text).toBe(200);
    const [version] = await db().selectFrom('minutes_versions').selectAll().where('meeting_id', '=', youth).execute();
    expect(version).toMatchObject({ public_json: null, public_hash: null });
    expect((await world.call('outsider', 'GET', `/api/meetings/${youth}/minutes/status`)).status).toBe(404);
  });
});
