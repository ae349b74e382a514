import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/limits.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';

describe('bad input', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const counts = async () => {
    const db = server.database.db;
    const count = async (table: 'sessions' | 'users' | 'bodies') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { sessions: await count('sessions'), users: await count('users'), bodies: await count('bodies') };
  };

  const post = (body: BodyInit, contentType = 'application/json') =>
    server.request('/api/session', { method: 'POST', headers: { 'content-type': contentType }, body });

  const cases: [string, () => Promise<Response>, number, string][] = [
    ['malformed JSON', () => post('{"email": "chair.jag@demo.quorum.test",'), 400, 'invalid_json'],
    ['random bytes', () => post(randomBytes(2048)), 400, 'invalid_json'],
    ['an array', () => post('[1,2,3]'), 400, 'validation_failed'],
    ['wrong types', () => post(JSON.stringify({ email: 42, password: ['x'] })), 400, 'validation_failed'],
    ['a missing field', () => post(JSON.stringify({ email: 'chair.jag@demo.quorum.test' })), 400, 'validation_failed'],
    ['an unknown key', () => post(JSON.stringify({ email: 'a@b.test', password: 'x', admin: true })), 400, 'validation_failed'],
    ['a password over the limit', () => post(JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(LIMITS.passwordLength + 1) })), 400, 'validation_failed'],
    ['an oversized body', () => post(JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(LIMITS.jsonBodyBytes) })), 413, 'payload_too_large'],
    // Without a cookie there is no authority to forge, so these reach the route, which reads only JSON.
    ['a form post', () => post('email=a%40b.test&password=x', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type'],
    ['plain text', () => post('hello', 'text/plain'), 415, 'unsupported_media_type'],
  ];

  for (const [name, send, status, code] of cases) {
    it(`answers ${name} with ${status} ${code} and changes nothing`, async () => {
      const before = await counts();
      const response = await send();
      expect(response.status).toBe(status);
      const body = await response.json();
      expect(body.error.code).toBe(code);
      expect(body.error.message).toEqual(expect.any(String));
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|node_modules/);
      expect(await counts()).toEqual(before);
    });
  }

  it('explains which field is wrong', async () => {
    const response = await post(JSON.stringify({ email: 'not-an-email', password: '' }));
    const body = await response.json();
    expect(body.error.details.issues).toEqual([
      { path: 'email', message: 'Enter a valid email address' },
      { path: 'password', message: 'Enter your password' },
    ]);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const token = await server.signIn('chair.jag');
    const response = await server.request('/api/no-such-thing', { headers: bearer(token) });
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });

  it('is still up and serving after all of that', async () => {
    expect((await server.request('/api/health')).status).toBe(200);
  });
});
