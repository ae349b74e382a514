import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPasswordCheckQueue } from '../../../server/auth/password-check-queue.js';
import { createSignInThrottle, type SignInKeys, type SignInThrottle } from '../../../server/auth/sign-in-throttle.js';
import { createSession } from '../../../server/auth/sessions.js';
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

describe('sign-in throttle under attack', () => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());

  const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
    server!.request('/api/session', { method: 'POST', headers: { ...json, ...headers }, body: signInBody(email, password) });
  const refusals = async () =>
    (await server!.database.db.selectFrom('audit_events').select('id').where('action', '=', 'session.refused').execute()).length;

  it('lets at most the free attempts of 40 parallel wrong guesses reach the password check; the rest get 429 and Retry-After', async () => {
    server = await startTestServer();
    const emails = ['member.jag', 'chair.jag', 'observer.jag', 'nobody'].map((local) => `${local}@demo.quorum.test`);
    const responses = await Promise.all(Array.from({ length: 40 }, (_, index) => signIn(emails[index % emails.length]!, `guess-${index}`)));
    const statuses = responses.map((response) => response.status);
    const checked = statuses.filter((status) => status === 401).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(20); // the address's allowance, freeAttemptsPerAddress by default
    expect(statuses.filter((status) => status === 429)).toHaveLength(40 - checked);
    for (const response of responses.filter((each) => each.status === 429)) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await response.json()).error.code).toBe('too_many_attempts');
    }
    expect(await refusals()).toBe(checked);
  });

  it('keeps counting an address’s failures after a success from it', async () => {
    server = await startTestServer({ throttle: createSignInThrottle({ freeAttempts: 2, freeAttemptsPerAddress: 2 }) });
    expect((await signIn('member.jag@demo.quorum.test', 'guess-1')).status).toBe(401);
    expect((await signIn('chair.jag@demo.quorum.test', DEMO_PASSWORD)).status).toBe(200); // the guesser's own account
    expect((await signIn('observer.jag@demo.quorum.test', 'guess-2')).status).toBe(401);
    expect((await signIn('ci.barker@demo.quorum.test', 'guess-3')).status).toBe(401); // the third failure from here
    const locked = await signIn('chair.jag@demo.quorum.test', DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('turns sign-ins away with 429 when the password checks are all taken, without counting them', async () => {
    server = await startTestServer({ passwordChecks: createPasswordCheckQueue({ concurrency: 1, maxWaiting: 0 }) });
    const [first, ...rest] = await Promise.all(
      ['member.jag', 'observer.jag', 'ci.barker'].map((local) => signIn(`${local}@demo.quorum.test`, 'guess')),
    );
    expect(first!.status).toBe(401);
    for (const response of rest) {
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('1');
      expect((await response.json()).error.message).toMatch(/^Too many people are signing in right now/);
    }
    expect(await refusals()).toBe(1);
  });
});

describe('the address sign-in is throttled by', () => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());

  /** A throttle that refuses every attempt (so no password is hashed) and notes the address it was given. */
  function addressSpy(): { throttle: SignInThrottle; addresses: string[] } {
    const addresses: string[] = [];
    const throttle: SignInThrottle = {
      reserve: ({ address }: SignInKeys) => (addresses.push(address), { allowed: false, retryAfterMs: 1000 }),
    };
    return { throttle, addresses };
  }
  const attempt = (headers: Record<string, string>) =>
    server!.request('/api/session', { method: 'POST', headers: { ...json, ...headers }, body: signInBody('member.jag@demo.quorum.test', 'x') });

  it('is the socket’s, and X-Forwarded-For is ignored, unless a proxy is trusted', async () => {
    const { throttle, addresses } = addressSpy();
    server = await startTestServer({ throttle });
    expect((await attempt({ 'x-forwarded-for': '203.0.113.7' })).status).toBe(429);
    expect((await attempt({})).status).toBe(429);
    expect(addresses).toEqual(['127.0.0.1', '127.0.0.1']);
  });

  it('is the right-most X-Forwarded-For entry when one proxy is trusted, whatever the client wrote to its left', async () => {
    const { throttle, addresses } = addressSpy();
    server = await startTestServer({ throttle, trustedProxies: 1 });
    await attempt({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7' });
    await attempt({ 'x-forwarded-for': '203.0.113.8' });
    await attempt({}); // not through the proxy after all: the socket
    expect(addresses).toEqual(['203.0.113.7', '203.0.113.8', '127.0.0.1']);
  });

  it('skips as many entries as there are trusted proxies', async () => {
    const { throttle, addresses } = addressSpy();
    server = await startTestServer({ throttle, trustedProxies: 2 });
    await attempt({ 'x-forwarded-for': 'forged, 203.0.113.7, 10.0.0.2' });
    await attempt({ 'x-forwarded-for': '10.0.0.2' });
    expect(addresses).toEqual(['203.0.113.7', '127.0.0.1']);
  });
});

describe('expired sessions', () => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());

  it('refuses an expired token with 401 and prunes its row when the server starts', async () => {
    server = await startTestServer();
    const db = server.database.db;
    const { id: userId } = await db.selectFrom('users').select('id').where('email', '=', 'chair.jag@demo.quorum.test').executeTakeFirstOrThrow();
    const expired = await createSession(db, userId, new Date(Date.now() - 13 * 60 * 60 * 1000));
    const live = await createSession(db, userId);
    expect((await server.request('/api/me', { headers: bearer(expired.token) })).status).toBe(401);
    expect((await server.request('/api/me', { headers: bearer(live.token) })).status).toBe(200);
    expect(await db.selectFrom('sessions').select('expires_at').execute()).toHaveLength(2);

    await server.restart();
    const left = await server.database.db.selectFrom('sessions').select('expires_at').execute();
    expect(left).toEqual([{ expires_at: live.expiresAt }]);
    expect((await server.request('/api/me', { headers: bearer(live.token) })).status).toBe(200);
  });
});
