import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.js';
import { createSession } from '../../../server/auth/sessions.js';
import { createDocumentRegistry } from '../../../server/realtime/document-registry.js';
import { createDocumentStore } from '../../../server/realtime/document-store.js';
import { openSeededTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('every response of the app', () => {
  let database: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let token: string;
  const logged: unknown[] = [];

  beforeAll(async () => {
    database = openSeededTestDatabase();
    const registry = createDocumentRegistry({ store: createDocumentStore({ db: database.db }), kinds: [] });
    app = createApp({ db: database.db, registry, log: (error) => logged.push(error) });
    // Routes that throw what route code never should, to see what onError makes of it.
    app.get('/thrown/string', () => {
      throw 'a bare string';
    });
    app.get('/thrown/object', () => {
      throw { code: 'SQLITE_BUSY' };
    });
    app.get('/thrown/undefined', () => {
      throw undefined;
    });
    app.get('/thrown/rejection', () => Promise.reject('rejected with a string'));
    const { id } = await database.db.selectFrom('users').select('id').where('email', '=', 'chair.jag@demo.quorum.test').executeTakeFirstOrThrow();
    token = (await createSession(database.db, id)).token;
  });
  afterAll(() => database.dispose());

  const auth = () => ({ headers: { authorization: `Bearer ${token}` } });

  it('refuses a cookie write from another site, and tells a signed-out request to sign in', async () => {
    const fromElsewhere = await app.request('/api/meetings/1/start', {
      method: 'POST',
      headers: { cookie: `quorum_session=${token}`, origin: 'https://evil.example' },
    });
    expect(fromElsewhere.status).toBe(403);
    const signedOut = await app.request('/api/meetings/1/start', { method: 'POST' });
    expect(signedOut.status).toBe(401);
    expect((await signedOut.json()).error.code).toBe('unauthenticated');
  });

  it('answers any thrown value, not only an Error, with a clean JSON 500', async () => {
    for (const path of ['/thrown/string', '/thrown/object', '/thrown/undefined', '/thrown/rejection']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(500);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side' } });
      expect(response.headers.get('content-security-policy')).toBeTruthy();
    }
    expect(logged).toHaveLength(4);
    expect((logged[0] as Error).cause).toBe('a bare string');
  });

  it('forbids caching every /api answer, data and errors alike', async () => {
    const bodies = await app.request('/api/bodies', auth());
    expect(bodies.status).toBe(200);
    const jag = ((await bodies.json()) as { bodies: { id: number; shortName: string }[] }).bodies.find((body) => body.shortName === 'Charnwood JAG')!;
    const asks: [string, RequestInit][] = [
      ['/api/me', auth()],
      ['/api/bodies', auth()],
      [`/api/bodies/${jag.id}`, auth()],
      [`/api/bodies/${jag.id}/meetings.ics`, auth()],
      ['/api/health', {}],
      ['/api/me', {}], // 401
      ['/api/bodies/424242', auth()], // 404
      ['/api/no-such-route', auth()],
    ];
    const statuses: number[] = [];
    for (const [path, init] of asks) {
      const response = await app.request(path, init);
      statuses.push(response.status);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 401, 404, 404]);
  });

  it('sends a CSP that allows no <base> and no plugins', async () => {
    for (const path of ['/api/health', '/nowhere']) {
      const csp = (await app.request(path)).headers.get('content-security-policy') ?? '';
      const directives = csp.split(';').map((directive) => directive.trim());
      expect(directives, path).toContain("base-uri 'none'");
      expect(directives, path).toContain("object-src 'none'");
      expect(directives, path).toContain("frame-ancestors 'none'");
    }
  });
});
