import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodiesResponse, BodyDetailResponse, BodySummary } from '../../../shared/api.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';

describe('partnership bodies', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let bodies: BodySummary[];
  const byShortName = (shortName: string) => bodies.find((body) => body.shortName === shortName)!;

  beforeAll(async () => {
    server = await startTestServer();
    for (const local of ['chair.jag', 'member.jag', 'observer.jag', 'chair.youthjag', 'outsider']) {
      tokens[local] = await server.signIn(local);
    }
    bodies = ((await (await server.request('/api/bodies', { headers: bearer(tokens['chair.jag']!) })).json()) as BodiesResponse)
      .bodies;
  });
  afterAll(() => server.close());

  const get = async <T>(path: string, local: string) => {
    const response = await server.request(path, { headers: bearer(tokens[local]!) });
    return { status: response.status, body: (await response.json()) as T };
  };

  it('lists every body with its parent, kind, tier and the caller’s role', async () => {
    expect(bodies.length).toBe(14);
    const jag = byShortName('Charnwood JAG');
    expect(jag).toMatchObject({ kind: 'jag', tier: 3, parentId: byShortName('Charnwood CSP').id, myRole: 'chair' });
    expect(byShortName('Charnwood CSP').myRole).toBe('member');
    expect(byShortName('SPB')).toMatchObject({ parentId: null, myRole: null });
  });

  it('shows the outsider the structure but no role anywhere', async () => {
    const { body } = await get<BodiesResponse>('/api/bodies', 'outsider');
    expect(body.bodies).toHaveLength(14);
    expect(body.bodies.every((each) => each.myRole === null)).toBe(true);
  });

  it('shows an open body’s members by agency and role, and its meetings', async () => {
    const { status, body } = await get<BodyDetailResponse>(`/api/bodies/${byShortName('Charnwood JAG').id}`, 'outsider');
    expect(status).toBe(200);
    if (body.access !== 'full') throw new Error('expected full access');
    const chair = body.members.find((member) => member.role === 'chair');
    expect(chair).toMatchObject({ name: 'Helen Whitmore', agency: { shortName: 'CBC' } });
    expect(body.members.map((member) => member.role)).toContain('observer');
    expect(body.meetings.length).toBe(4);
    expect(body.meetings.map((meeting) => meeting.startsAt)).toEqual([...body.meetings.map((m) => m.startsAt)].sort());
  });

  it('hides a confidential body’s members and meetings from non-members', async () => {
    const youthJag = byShortName('Youth JAG').id;
    for (const local of ['outsider', 'member.jag', 'chair.jag', 'observer.jag']) {
      const { status, body } = await get<BodyDetailResponse>(`/api/bodies/${youthJag}`, local);
      expect(status).toBe(200);
      expect(body.access, local).toBe('restricted');
      expect(Object.keys(body).sort()).toEqual(['access', 'body']);
      expect(JSON.stringify(body)).not.toMatch(/Marcus Hale|@demo\.quorum\.test/);
    }
  });

  it('shows a confidential body in full to its members', async () => {
    const { body } = await get<BodyDetailResponse>(`/api/bodies/${byShortName('Youth JAG').id}`, 'chair.youthjag');
    expect(body.access).toBe('full');
    if (body.access === 'full') expect(body.members.some((member) => member.name === 'Marcus Hale')).toBe(true);
  });

  it('answers 404 for a body that does not exist, and 400 for an id that is not one', async () => {
    const missing = await get<{ error: { code: string } }>('/api/bodies/9999', 'chair.jag');
    expect(missing).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'Body not found' } } });
    for (const bad of ['abc', '-1', '1.5', '99999999999999999999']) {
      const invalid = await get<{ error: { code: string } }>(`/api/bodies/${bad}`, 'chair.jag');
      expect(invalid.status, bad).toBe(400);
      expect(invalid.body.error.code).toBe('validation_failed');
    }
  });

  it('refuses every partnership endpoint without a session', async () => {
    for (const path of ['/api/me', '/api/bodies', `/api/bodies/${byShortName('Charnwood JAG').id}`]) {
      const response = await server.request(path);
      expect(response.status, path).toBe(401);
      expect((await response.json()).error.code).toBe('unauthenticated');
    }
  });

  it('reports health without a session', async () => {
    const response = await server.request('/api/health');
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });
});
