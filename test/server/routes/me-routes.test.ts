import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionsResponse, HomeResponse } from '../../../shared/api.js';
import { bodyId } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';

describe('home API', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let jagId: number;
  let youthId: number;

  beforeAll(async () => {
    server = await startTestServer();
    for (const local of ['chair.jag', 'member.jag', 'outsider', 'chair.youthjag']) tokens[local] = await server.signIn(local);
    jagId = await bodyId(server, tokens['chair.jag']!, 'Charnwood JAG');
    youthId = await bodyId(server, tokens['chair.jag']!, 'Youth JAG');
  });
  afterAll(() => server.close());

  const home = async (local: string) => {
    const response = await server.request('/api/me/home', { headers: bearer(tokens[local]!) });
    expect(response.status).toBe(200);
    return (await response.json()) as HomeResponse;
  };

  it('gives a chair their body’s overdue actions by owner and by lead agency, adding up to the body’s overdue count', async () => {
    const { accountability } = await home('chair.jag');
    const jag = accountability.find((entry) => entry.bodyId === jagId)!;
    const overdue = ((await (await server.request(`/api/bodies/${jagId}/actions?overdue=true&status=outstanding`, { headers: bearer(tokens['chair.jag']!) })).json()) as ActionsResponse).actions;
    expect(jag.overdue).toBe(overdue.length);
    expect(jag.overdue).toBeGreaterThan(0);
    const count = (key: (action: ActionsResponse['actions'][number]) => string | null) => {
      const tally = new Map<string | null, number>();
      for (const action of overdue) tally.set(key(action), (tally.get(key(action)) ?? 0) + 1);
      return tally;
    };
    expect(new Map(jag.byOwner.map((entry) => [entry.name, entry.overdue]))).toEqual(count((action) => action.owner?.name ?? null));
    expect(new Map(jag.byLeadAgency.map((entry) => [entry.name, entry.overdue]))).toEqual(count((action) => action.leadAgency?.name ?? null));
    expect(jag.byOwner.map((entry) => entry.overdue)).toEqual([...jag.byOwner.map((entry) => entry.overdue)].sort((a, b) => b - a));
  });

  it('gives members who do not run a body no accountability section, and an outsider nothing', async () => {
    expect((await home('member.jag')).accountability).toEqual([]);
    expect(await home('outsider')).toEqual({ liveMeetings: [], nextMeetings: [], myActions: { outstanding: 0, overdue: 0, first: [] }, accountability: [] });
  });

  it('lists the next meetings of my bodies soonest first, and a confidential body’s only to its members', async () => {
    // Sooner than any demo meeting, so within the few the home page lists.
    const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    const schedule = async (local: string, id: number, meeting: Record<string, string>) =>
      expect((await server.request(`/api/bodies/${id}/meetings`, {
        method: 'POST',
        headers: { ...bearer(tokens[local]!), 'content-type': 'application/json' },
        body: JSON.stringify(meeting),
      })).status).toBe(201);
    await schedule('chair.youthjag', youthId, { startsAt: inHours(1), location: 'Room 1', title: 'Youth JAG home test' });
    await schedule('chair.jag', jagId, { startsAt: inHours(2), location: 'Room 2', title: 'JAG home test' });
    const youthChair = await home('chair.youthjag');
    expect(youthChair.nextMeetings.map((meeting) => meeting.title)).toContain('Youth JAG home test');
    const starts = youthChair.nextMeetings.map((meeting) => meeting.startsAt);
    expect(starts).toEqual([...starts].sort());
    const member = await home('member.jag');
    expect(member.nextMeetings.map((meeting) => meeting.bodyId)).not.toContain(youthId);
    expect(JSON.stringify(member)).not.toContain('Youth JAG home test');
    expect((await home('outsider')).nextMeetings).toEqual([]);
  });

  it('shows my own outstanding actions, overdue first, with the counts the navigation shows', async () => {
    const mine = await home('member.jag');
    const counts = await (await server.request('/api/me/action-counts', { headers: bearer(tokens['member.jag']!) })).json();
    expect({ outstanding: mine.myActions.outstanding, overdue: mine.myActions.overdue }).toEqual(counts);
    expect(mine.myActions.first.length).toBeLessThanOrEqual(5);
    const overdueFlags = mine.myActions.first.map((action) => action.overdue);
    expect(overdueFlags).toEqual([...overdueFlags].sort((a, b) => Number(b) - Number(a)));
  });

  it('asks for a session', async () => {
    expect((await server.request('/api/me/home')).status).toBe(401);
  });
});
