import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions } from '../../server/app.js';
import { DEMO_PASSWORD } from '../../server/seed/demo-partnership.js';
import { openSeededTestDatabase, type TestDatabase } from './test-database.js';

export interface TestServer {
  url: string;
  database: TestDatabase;
  /** fetch against the server; relative paths resolve to it. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Signs in a demo user and returns their bearer token. */
  signIn(local: string): Promise<string>;
  close(): Promise<void>;
}

/** The real app on a real HTTP server on an ephemeral port, over a private seeded database. */
export async function startTestServer(options: Partial<AppOptions> = {}): Promise<TestServer> {
  const database = openSeededTestDatabase();
  const app = createApp({ db: database.db, log: () => {}, ...options });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const request = (path: string, init?: RequestInit) => fetch(new URL(path, url), init);
  return {
    url,
    database,
    request,
    async signIn(local) {
      const response = await request('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${local}@demo.quorum.test`, password: DEMO_PASSWORD }),
      });
      if (response.status !== 200) throw new Error(`sign-in as ${local} failed: ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await database.dispose();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
