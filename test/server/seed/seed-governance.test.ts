import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyEscalationsResponse, BodyPrioritiesResponse, NotificationsResponse } from '../../../shared/api.js';
import type { CouncilMinutes } from '../../../shared/council-minutes.js';
import type { MinutesArchiveEntry } from '../../../shared/minutes-api.js';
import type { SearchResponse } from '../../../shared/search.js';
import { contentHash } from '../../../server/minutes/minutes-versions.js';
import { seedDemoGovernance } from '../../../server/seed/seed-governance.js';
import { bodyId } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';

describe('the demo’s escalation and priority', () => {
  let server: TestServer;
  const get = async <T>(token: string, path: string) => (await (await server.request(path, { headers: bearer(token) })).json()) as T;

  beforeAll(async () => {
    server = await startTestServer();
    await seedDemoGovernance({ db: server.database.db, registry: server.registry, notices: server.notices });
  });
  afterAll(() => server?.close());

  it('has the Youth JAG’s escalation waiting in the JAG’s inbox, its action escalated, and the JAG chair told', async () => {
    const jagChair = await server.signIn('chair.jag');
    const jag = await bodyId(server, jagChair, 'Charnwood JAG');
    const { received } = await get<BodyEscalationsResponse>(jagChair, `/api/bodies/${jag}/escalations`);
    expect(received.map((hop) => ({ from: hop.fromBody.name, status: hop.status }))).toEqual([{ from: 'Charnwood Youth JAG', status: 'open' }]);
    expect(received[0]!.originAction).toBeNull(); // the JAG chair is not on the Youth JAG

    const youthChair = await server.signIn('chair.youthjag');
    const youth = await bodyId(server, youthChair, 'Youth JAG');
    const { sent } = await get<BodyEscalationsResponse>(youthChair, `/api/bodies/${youth}/escalations`);
    expect(sent[0]!.originAction).toMatchObject({ title: 'Cohort review using the 5 by 5 risk matrix', status: 'escalated' });

    const { notifications } = await get<NotificationsResponse>(jagChair, '/api/me/notifications');
    expect(notifications.map((notification) => notification.kind)).toContain('escalation-received');
  });

  it('has the SPB’s priority received by the Charnwood CSP, not yet acknowledged', async () => {
    const cspChair = await server.signIn('chair.csp');
    const csp = await bodyId(server, cspChair, 'Charnwood CSP');
    const { received } = await get<BodyPrioritiesResponse>(cspChair, `/api/bodies/${csp}/priorities`);
    expect(received.map((priority) => ({ from: priority.body.name, acknowledgedAt: priority.acknowledgedAt }))).toEqual([
      { from: 'Strategic Partnership Board', acknowledgedAt: null },
    ]);
  });

  it('has each open body’s earlier minutes published (confirmed at the later meeting) and the JAG’s latest out for comment', async () => {
    const jagMember = await server.signIn('member.jag');
    const jag = await bodyId(server, jagMember, 'Charnwood JAG');
    const archive = await get<MinutesArchiveEntry[]>(jagMember, `/api/bodies/${jag}/minutes`);
    expect(archive.map((entry) => entry.stage)).toEqual(['circulated', 'published']);

    // Another partner reads the published public minutes, signed, with a hash that is the stored content's.
    const outsider = await server.signIn('chair.spb');
    const published = archive[1]!;
    expect((await get<MinutesArchiveEntry[]>(outsider, `/api/bodies/${jag}/minutes`)).map((entry) => entry.meetingId)).toEqual([published.meetingId]);
    const minutes = await get<CouncilMinutes>(outsider, `/api/meetings/${published.meetingId}/minutes?version=public`);
    expect(minutes.confirmation).toMatchObject({ atMeetingId: archive[0]!.meetingId, signedBy: expect.stringMatching(/\(Chair\)$/) });
    expect(minutes.revision).toMatchObject({ number: 1, reason: null, publishedAt: expect.any(String) });
    const stored = await server.database.db.selectFrom('minutes_versions').select('public_json').where('meeting_id', '=', published.meetingId).executeTakeFirstOrThrow();
    expect(contentHash(stored.public_json!)).toBe(minutes.revision!.hash);

    // …and finds them in search, as a partner outside the JAG.
    const found = await get<SearchResponse>(outsider, `/api/search?q=${encodeURIComponent('apologies received')}&bodyId=${jag}`);
    expect(found.results.map((result) => result.link)).toContain(`/meetings/${published.meetingId}/minutes`);
  });
});
