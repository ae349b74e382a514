import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MinutesArchiveEntry, MinutesConfirmation } from '../../../shared/minutes-api.js';
import { bodyId } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';
import { holdMeeting, publishVersion, raiseMeetingAction, setStage, storeVersion, userIdOf } from './minutes-reading-support.js';

const confirmation: MinutesConfirmation = {
  atMeeting: 'Tuesday 2 July 2030',
  atMeetingId: 1,
  movedBy: 'Daniel Okafor',
  secondedBy: null,
  signedBy: 'Helen Whitmore (Chair)',
  confirmedAt: '2030-07-02T11:00:00Z',
};

describe('a body’s minutes archive', () => {
  let server: TestServer;
  let chair: string;
  let jag: number;
  let youthJag: number;
  let published: number;
  let approved: number;
  let drafted: number;
  let scheduled: number;
  let confidential: number;

  const tokens = new Map<string, string>();
  const archive = async (body: number, local: string) => {
    if (!tokens.has(local)) tokens.set(local, await server.signIn(local));
    const response = await server.request(`/api/bodies/${body}/minutes`, { headers: bearer(tokens.get(local)!) });
    return { status: response.status, json: (await response.json()) as MinutesArchiveEntry[] };
  };
  const ours = (entries: MinutesArchiveEntry[]) => entries.filter((entry) => [published, approved, drafted, scheduled].includes(entry.meetingId));

  beforeAll(async () => {
    server = await startTestServer();
    chair = await server.signIn('chair.jag');
    const chairId = await userIdOf(server, 'chair.jag');
    jag = await bodyId(server, chair, 'Charnwood JAG');

    published = await holdMeeting(server, chair, jag, {
      startsAt: '2030-05-07T09:00:00Z',
      entries: {
        'Police performance and crime trends': { minutes: 'Crime is down.' },
        'Hate crime review': { decisions: ['that the review be noted'] },
        'High-risk ASB victims (Sentinel)': { minutes: 'Named victim discussed.', partTwo: true, exemptionParagraph: 1 },
      },
    });
    await raiseMeetingAction(server, jag, { title: 'Patrol the park', meetingId: published, itemTitle: 'Police performance and crime trends' });
    await raiseMeetingAction(server, jag, { title: 'Visit the victim', meetingId: published, itemTitle: 'High-risk ASB victims (Sentinel)' });
    await storeVersion(server, published, { userId: chairId, confirmation });
    await publishVersion(server, published, 1);
    await setStage(server, published, 'published');

    approved = await holdMeeting(server, chair, jag, { startsAt: '2030-06-04T09:00:00Z', entries: { 'Hate crime review': { minutes: 'Reviewed.' } } });
    await storeVersion(server, approved, { userId: chairId, confirmation });
    await setStage(server, approved, 'approved');

    drafted = await holdMeeting(server, chair, jag, { startsAt: '2030-07-02T09:00:00Z', entries: { 'Any other business': { minutes: 'None.' } } });
    await raiseMeetingAction(server, jag, { title: 'Write to the council', meetingId: drafted, itemTitle: 'Any other business' });

    const created = await server.request(`/api/bodies/${jag}/meetings`, {
      method: 'POST',
      headers: { ...bearer(chair), 'content-type': 'application/json' },
      body: JSON.stringify({ startsAt: '2030-08-06T09:00:00Z', location: 'Loughborough Police Station' }),
    });
    scheduled = ((await created.json()) as { meeting: { id: number } }).meeting.id;

    const youthChair = await server.signIn('chair.youthjag');
    youthJag = await bodyId(server, youthChair, 'Youth JAG');
    confidential = await holdMeeting(server, youthChair, youthJag, { startsAt: '2030-05-08T16:00:00Z', entries: { 'Any other business': { minutes: 'A young person.' } } });
    await storeVersion(server, confidential, { userId: await userIdOf(server, 'chair.youthjag'), confirmation, withPublic: false, published: true });
    await setStage(server, confidential, 'published');
  }, 60_000);
  afterAll(() => server?.close());

  it('lists every closed meeting to the body’s members, newest first, with where its minutes stand and all they hold', async () => {
    for (const local of ['chair.jag', 'observer.jag']) {
      const { status, json } = await archive(jag, local);
      expect(status).toBe(200);
      expect(ours(json).map((entry) => [entry.meetingId, entry.stage, entry.latestRevision, entry.itemCount, entry.actionCount])).toEqual([
        [drafted, 'draft', null, 1, 1],
        [approved, 'approved', 1, 1, 0],
        [published, 'published', 1, 3, 2],
      ]);
      const starts = json.map((entry) => entry.startsAt);
      expect(starts).toEqual([...starts].sort().reverse());
    }
    const { json } = await archive(jag, 'chair.jag');
    expect(json.find((entry) => entry.meetingId === published)!.publishedAt).toEqual(expect.any(String));
    expect(json.find((entry) => entry.meetingId === approved)!.publishedAt).toBeNull();
  });

  it('lists only published minutes to other partners, counting public business only', async () => {
    const { status, json } = await archive(jag, 'outsider');
    expect(status).toBe(200);
    expect(json).toEqual([
      {
        meetingId: published,
        title: expect.any(String),
        startsAt: '2030-05-07T09:00:00.000Z',
        stage: 'published',
        latestRevision: 1,
        publishedAt: expect.any(String),
        itemCount: 2,
        actionCount: 1,
      },
    ]);
  });

  it('answers a confidential body’s archive to a non-member as a body that does not exist', async () => {
    const refused = await archive(youthJag, 'outsider');
    const missing = await archive(999_999, 'outsider');
    expect(refused.status).toBe(404);
    expect(refused.json).toEqual(missing.json);
    const members = await archive(youthJag, 'chair.youthjag');
    expect(members.json.find((entry) => entry.meetingId === confidential)).toMatchObject({ stage: 'published', latestRevision: 1, itemCount: 1 });
    expect((await server.request(`/api/bodies/${jag}/minutes`)).status).toBe(401);
    expect((await server.request(`/api/bodies/abc/minutes`, { headers: bearer(chair) })).status).toBe(400);
  });
});
