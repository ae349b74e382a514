import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyEscalationsResponse, BodyPrioritiesResponse, NotificationsResponse } from '../../../shared/api.js';
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
});
