import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agendaOf, readAgenda } from '../../../shared/meeting-doc.js';
import { meetingDocName } from '../../../shared/meetings.js';
import { MINUTES_LIMITS } from '../../../shared/minutes-lifecycle.js';
import { CLOSE_CODES } from '../../../shared/realtime-protocol.js';
import { connectPeer, eventually, type TestPeer } from '../../support/yjs-client.js';
import { startMinutesWorld, type MinutesWorld, type Who } from './minutes-lifecycle-support.js';

describe('minutes lifecycle: circulate, confirm, publish', () => {
  let world: MinutesWorld;
  const peers: TestPeer[] = [];
  const db = () => world.server.database.db;
  const stageOf = async (meetingId: number) =>
    (await db().selectFrom('minutes_records').select('stage').where('meeting_id', '=', meetingId).executeTakeFirst())?.stage ?? 'draft';
  const versionCount = async (meetingId: number) => (await db().selectFrom('minutes_versions').select('id').where('meeting_id', '=', meetingId).execute()).length;
  const notified = async (kind: string, link: string) =>
    (await db().selectFrom('notifications').select('user_id').where('kind', '=', kind as never).where('link', '=', link).execute()).map((row) => row.user_id).sort();
  const auditFor = async (meetingId: number) =>
    (await db().selectFrom('audit_events').select('action').where('subject_type', '=', 'meeting').where('subject_id', '=', String(meetingId)).orderBy('id').execute()).map((row) => row.action);

  beforeAll(async () => {
    world = await startMinutesWorld();
  });
  afterEach(() => {
    for (const peer of peers.splice(0)) peer.destroy();
  });
  afterAll(() => world?.close());

  it('asks for a later live meeting before minutes can be confirmed', async () => {
    const meetingId = await world.closedMeeting('2040-01-07T10:00:00Z');
    expect((await world.step('chair', meetingId, { step: 'circulate' })).status).toBe(200);
    const status = await world.status('chair', meetingId);
    expect(status.steps).toEqual(['withdraw']); // approve needs a confirming meeting
    expect(status.confirmingMeeting).toBeNull();
    const refused = await world.step('chair', meetingId, { step: 'approve', movedBy: world.userId('member'), secondedBy: null });
    expect(refused.status).toBe(409);
    expect(refused.json.error?.message).toBe('Minutes are confirmed at a later meeting of Charnwood Joint Action Group: start it first');
    expect(await stageOf(meetingId)).toBe('circulated');
    expect(await versionCount(meetingId)).toBe(0);
  });

  it('takes minutes from draft to published, telling members and recording the confirmation at the next meeting', async () => {
    const meetingId = await world.closedMeeting('2030-01-07T10:00:00Z');
    const link = `/meetings/${meetingId}/minutes`;
    const draft = await world.status('chair', meetingId);
    expect(draft).toMatchObject({ stage: 'draft', steps: ['circulate'], revisions: [], commentCount: 0, mayComment: false });
    expect(draft.movers[0]).toEqual({ userId: world.userId('chair'), name: 'Helen Whitmore' });
    expect(draft.movers.map((mover) => mover.userId)).not.toContain(world.userId('observer'));

    const circulated = await world.step('secretariat', meetingId, { step: 'circulate' });
    expect(circulated.status).toBe(200);
    expect(circulated.json).toMatchObject({ stage: 'circulated', circulatedAt: expect.any(String), steps: ['withdraw'] });
    const members = (await db().selectFrom('memberships').select('user_id').where('body_id', '=', world.jagId).execute()).map((row) => row.user_id);
    expect(await notified('minutes-circulated', link)).toEqual(members.filter((id) => id !== world.userId('secretariat')).sort());
    expect((await world.status('member', meetingId)).mayComment).toBe(true);
    expect((await world.status('observer', meetingId)).mayComment).toBe(false);

    const next = await world.liveMeeting('2030-02-04T10:00:00Z');
    const ready = await world.status('chair', meetingId);
    expect(ready.steps).toEqual(['withdraw', 'approve']);
    expect(ready.confirmingMeeting).toEqual({ id: next, title: expect.any(String) });
    const approved = await world.step('chair', meetingId, { step: 'approve', movedBy: world.userId('member'), secondedBy: world.userId('vice') });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json.stage).toBe('approved');
    expect(approved.json.confirmation).toEqual({
      atMeeting: 'Monday 4 February 2030',
      atMeetingId: next,
      movedBy: 'Daniel Okafor',
      secondedBy: expect.any(String),
      signedBy: 'Helen Whitmore (Chair)',
      confirmedAt: expect.any(String),
    });
    expect(approved.json.revisions).toEqual([expect.objectContaining({ number: 1, reason: null, createdBy: 'Helen Whitmore', publishedAt: null })]);
    const record = await db().selectFrom('minutes_records').selectAll().where('meeting_id', '=', meetingId).executeTakeFirstOrThrow();
    expect(record).toMatchObject({ confirmed_by: world.userId('chair'), confirmed_at_meeting_id: next, moved_by: world.userId('member'), seconded_by: world.userId('vice') });

    const previous = (await world.agenda(next)).find((item) => item.title === 'Minutes of the previous meeting')!;
    expect(previous.decisions.map((decision) => decision.text)).toEqual([
      `RESOLVED that the minutes of the meeting held on Monday 7 January 2030 be confirmed as a correct record and signed by the Chair.\nMoved by Daniel Okafor; seconded by ${approved.json.confirmation!.secondedBy}.`,
    ]);

    const published = await world.step('secretariat', meetingId, { step: 'publish' });
    expect(published.status).toBe(200);
    expect(published.json).toMatchObject({ stage: 'published', publishedAt: expect.any(String), steps: ['correct'] });
    expect(published.json.revisions[0]!.publishedAt).toBe(published.json.publishedAt);
    expect(await notified('minutes-published', link)).toEqual(members.filter((id) => id !== world.userId('secretariat')).sort());
    expect(await auditFor(meetingId)).toEqual(expect.arrayContaining(['minutes.circulated', 'minutes.confirmed', 'minutes.published']));

    // Read as the rest of the partnership reads it: the published version's public copy, and no steps.
    const outsider = await world.status('outsider', meetingId);
    expect(outsider).toMatchObject({ stage: 'published', steps: [], movers: [], mayComment: false, commentCount: 0 });
    expect(outsider.revisions).toHaveLength(1);
    expect(outsider.revisions[0]!.hash).not.toBe(published.json.revisions[0]!.hash); // the public copy's own hash
  });

  it('adds the item for the previous meeting’s minutes at the top when the confirming agenda has none, and leaves out a seconder nobody gave', async () => {
    const meetingId = await world.closedMeeting('2031-01-07T10:00:00Z');
    await world.step('chair', meetingId, { step: 'circulate' });
    const next = await world.liveMeeting('2031-02-04T10:00:00Z');
    await world.server.registry.change(meetingDocName(next), (doc) => {
      const item = readAgenda(doc).find((each) => each.title === 'Minutes of the previous meeting')!;
      agendaOf(doc).delete(item.id);
    });
    const approved = await world.step('vice', meetingId, { step: 'approve', movedBy: world.userId('secretariat') });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json.confirmation).toMatchObject({ secondedBy: null, signedBy: expect.stringMatching(/\(Vice-Chair\)$/) });
    const agenda = await world.agenda(next);
    expect(agenda[0]!.title).toBe('Minutes of the previous meeting');
    expect(agenda[0]!.decisions[0]!.text).toMatch(/signed by the Chair\.\nMoved by [^;]+\.$/);
  });

  it('lets only those running the body circulate, withdraw, publish and correct, and only the chair or vice-chair confirm', async () => {
    const meetingId = await world.closedMeeting('2032-01-07T10:00:00Z');
    const refusedBy = async (whos: Who[], body: Record<string, unknown>) => {
      for (const who of whos) {
        const answer = await world.step(who, meetingId, body);
        expect(answer.status, `${who} ${body.step}`).toBe(403);
      }
    };
    await refusedBy(['member', 'observer', 'outsider', 'youthChair'], { step: 'circulate' });
    expect(await stageOf(meetingId)).toBe('draft');
    expect((await world.step('vice', meetingId, { step: 'circulate' })).status).toBe(200);
    await refusedBy(['member', 'observer', 'outsider'], { step: 'withdraw' });
    expect((await world.step('secretariat', meetingId, { step: 'withdraw' })).status).toBe(200);
    expect((await world.step('chair', meetingId, { step: 'circulate' })).status).toBe(200);
    await world.liveMeeting('2032-02-04T10:00:00Z');
    await refusedBy(['secretariat', 'member', 'observer', 'outsider'], { step: 'approve', movedBy: world.userId('member') });
    expect(await stageOf(meetingId)).toBe('circulated');
    expect((await world.step('vice', meetingId, { step: 'approve', movedBy: world.userId('member') })).status).toBe(200);
    await refusedBy(['member', 'observer', 'outsider'], { step: 'publish' });
    expect(await stageOf(meetingId)).toBe('approved');
    expect((await world.step('chair', meetingId, { step: 'publish' })).status).toBe(200);
    await refusedBy(['member', 'observer', 'outsider'], { step: 'correct' });
    expect((await world.step('secretariat', meetingId, { step: 'correct' })).status).toBe(200);
    await refusedBy(['member', 'observer', 'outsider'], { step: 'issue-correction', reason: 'Typo' });
    expect(await stageOf(meetingId)).toBe('correcting');
    expect(await versionCount(meetingId)).toBe(1);
    expect((await world.step('chair', meetingId, { step: 'issue-correction', reason: 'Typo in item 2' })).status).toBe(200);
    expect(await versionCount(meetingId)).toBe(2);
  });

  it('refuses a step from the wrong stage, or before the meeting has closed, with 409 saying where the minutes stand', async () => {
    const live = await world.liveMeeting('2033-01-07T10:00:00Z');
    const early = await world.step('chair', live, { step: 'circulate' });
    expect(early.status).toBe(409);
    expect(early.json.error?.message).toMatch(/is live: its minutes are circulated, confirmed and published once it has closed$/);
    const meetingId = await world.closedMeeting('2033-02-07T10:00:00Z');
    for (const step of ['withdraw', 'publish', 'correct']) {
      const answer = await world.step('chair', meetingId, { step });
      expect(answer.status, step).toBe(409);
      expect(answer.json.error?.message).toMatch(/^The minutes are draft; /);
    }
    const reason = await world.step('chair', meetingId, { step: 'issue-correction', reason: 'Nothing to correct' });
    expect(reason.json.error?.message).toBe('The minutes are draft; “issue correction” is only for minutes that are correction in progress');
    expect(await stageOf(meetingId)).toBe('draft');
    expect(await versionCount(meetingId)).toBe(0);
  });

  it('lets only one of two confirmations made at the same moment through', async () => {
    const meetingId = await world.closedMeeting('2034-01-07T10:00:00Z');
    await world.step('chair', meetingId, { step: 'circulate' });
    const next = await world.liveMeeting('2034-02-04T10:00:00Z');
    const answers = await Promise.all([
      world.step('chair', meetingId, { step: 'approve', movedBy: world.userId('member') }),
      world.step('vice', meetingId, { step: 'approve', movedBy: world.userId('secretariat') }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(await versionCount(meetingId)).toBe(1);
    const previous = (await world.agenda(next)).find((item) => item.title === 'Minutes of the previous meeting')!;
    expect(previous.decisions).toHaveLength(1);
  });

  it('checks who moved and seconded, and refuses bad input, changing nothing', async () => {
    const meetingId = await world.closedMeeting('2035-01-07T10:00:00Z');
    await world.step('chair', meetingId, { step: 'circulate' });
    await world.liveMeeting('2035-02-04T10:00:00Z');
    const bad: Record<string, unknown>[] = [
      { step: 'approve', movedBy: world.userId('observer') },
      { step: 'approve', movedBy: world.userId('outsider') },
      { step: 'approve', movedBy: world.userId('member'), secondedBy: world.userId('member') },
      { step: 'approve', movedBy: world.userId('member'), secondedBy: world.userId('youthChair') + 100_000 },
      { step: 'approve', movedBy: String(world.userId('member')) },
      { step: 'approve' },
      { step: 'approve', movedBy: world.userId('member'), colour: 'red' },
      { step: 'sign' },
      { step: 42 },
      { step: 'issue-correction', reason: 'x'.repeat(MINUTES_LIMITS.reasonLength + 1) },
      { step: 'issue-correction', reason: '   ' },
      {},
    ];
    for (const body of bad) {
      const answer = await world.step('chair', meetingId, body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(answer.json.error?.code).toBe('validation_failed');
    }
    expect((await world.step('chair', meetingId, 'not json' as never)).status).toBe(400);
    expect(await stageOf(meetingId)).toBe('circulated');
    expect(await versionCount(meetingId)).toBe(0);
  });

  it('makes an editor connected to the document read-only the moment the minutes are circulated, and editable again when withdrawn', async () => {
    const meetingId = await world.closedMeeting('2036-01-07T10:00:00Z');
    const docName = meetingDocName(meetingId);
    const token = await world.server.signIn('chair.jag');
    const type = (peer: TestPeer, words: string) => {
      const item = readAgenda(peer.doc).find((each) => each.title === 'Police performance and crime trends')!;
      (agendaOf(peer.doc).get(item.id)!.get('minutes') as Y.Text).insert(0, words);
    };
    const minutesInSql = async () =>
      (await db().selectFrom('agenda_items').select('minutes').where('meeting_id', '=', meetingId).where('title', '=', 'Police performance and crime trends').executeTakeFirstOrThrow()).minutes;

    const editor = connectPeer(world.server.yjsUrl, docName, token);
    peers.push(editor);
    await editor.synced();
    type(editor, 'Finished by the chair. ');
    await eventually(async () => expect(await minutesInSql()).toContain('Finished by the chair.'));

    expect((await world.step('chair', meetingId, { step: 'circulate' })).status).toBe(200);
    type(editor, 'Too late. ');
    expect((await editor.closed).code).toBe(CLOSE_CODES.writeRefused);
    await world.server.registry.flush(docName);
    expect(await minutesInSql()).not.toContain('Too late.');

    expect((await world.step('chair', meetingId, { step: 'withdraw' })).status).toBe(200);
    const again = connectPeer(world.server.yjsUrl, docName, token);
    peers.push(again);
    await again.synced();
    type(again, 'Amended. ');
    await eventually(async () => expect(await minutesInSql()).toContain('Amended.'));
    expect(again.refusals).toEqual([]);
  });
});
