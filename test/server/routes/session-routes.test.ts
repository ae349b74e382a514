import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../server/seed/demo-partnership.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';

const json = { 'content-type': 'application/json' };
const signInBody = (email: string, password: string) => JSON.stringify({ email, password });

describe('sign-in sessions', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  const signIn = (email: string, password: string) =>
    server.request('/api/session', { method: 'POST', headers: json, body: signInBody(email, password) });

  it('signs in with the right password, setting an HttpOnly SameSite cookie and returning a token', async () => {
    const response = await signIn('chair.jag@demo.quorum.test', DEMO_PASSWORD);
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^quorum_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const body = await response.json();
    expect(body.user).toMatchObject({ email: 'chair.jag@demo.quorum.test', name: 'Helen Whitmore' });
    expect(body.user.agency.name).toBe('Charnwood Borough Council');
    expect(body.memberships.map((membership: { role: string }) => membership.role).sort()).toEqual(['chair', 'member']);

    const sessionCookie = cookie.split(';')[0]!;
    const viaCookie = await server.request('/api/me', { headers: { cookie: sessionCookie } });
    expect(viaCookie.status).toBe(200);
    const viaBearer = await server.request('/api/me', { headers: bearer(body.token) });
    expect((await viaBearer.json()).user.email).toBe('chair.jag@demo.quorum.test');
  });

  it('accepts the email in any case and with spaces around it', async () => {
    const response = await signIn('  Chair.JAG@Demo.Quorum.Test ', DEMO_PASSWORD);
    expect(response.status).toBe(200);
  });

  it('gives the same answer for a wrong password and an unknown user, and sets no cookie', async () => {
    const wrongPassword = await signIn('chair.jag@demo.quorum.test', 'not-the-password');
    const unknownUser = await signIn('nobody@demo.quorum.test', DEMO_PASSWORD);
    for (const response of [wrongPassword, unknownUser]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await response.json()).toEqual({
        error: { code: 'invalid_credentials', message: 'The email address or password is not right' },
      });
    }
  });

  it('slows down repeated failures with 429 and Retry-After, even for the right password', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await signIn('member.jag@demo.quorum.test', 'guess-' + attempt)).status).toBe(401);
    }
    expect((await signIn('member.jag@demo.quorum.test', 'guess-6')).status).toBe(401);
    const locked = await signIn('member.jag@demo.quorum.test', DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await locked.json()).error.code).toBe('too_many_attempts');
  });

  it('records sign-ins and refusals in the audit log', async () => {
    await signIn('chair.jag@demo.quorum.test', 'wrong');
    await signIn('chair.jag@demo.quorum.test', DEMO_PASSWORD);
    const actions = await server.database.db.selectFrom('audit_events').select('action').orderBy('id').execute();
    expect(actions.map((row) => row.action).slice(-2)).toEqual(['session.refused', 'session.created']);
  });

  it('signs out: the token stops working and the cookie is cleared', async () => {
    const token = await server.signIn('chair.jag');
    const signOut = await server.request('/api/session', { method: 'DELETE', headers: bearer(token) });
    expect(signOut.status).toBe(204);
    expect(signOut.headers.get('set-cookie')).toMatch(/quorum_session=;.*Max-Age=0/);
    const after = await server.request('/api/me', { headers: bearer(token) });
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe('unauthenticated');
  });

  it('refuses an expired session', async () => {
    const token = await server.signIn('chair.jag');
    await server.database.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    const response = await server.request('/api/me', { headers: bearer(token) });
    expect(response.status).toBe(401);
  });

  it('refuses a made-up token', async () => {
    const response = await server.request('/api/me', { headers: bearer('made-up-token') });
    expect(response.status).toBe(401);
  });
});
