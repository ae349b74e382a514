import type { DocumentRegistry } from '../../server/realtime/document-registry.js';
import { startQuorumServer, type QuorumServerOptions } from '../../server/quorum-server.js';
import { DEMO_PASSWORD } from '../../server/seed/demo-partnership.js';
import { openSeededTestDatabase, type TestDatabase } from './test-database.js';

export interface TestServer {
  url: string;
  /** ws:// address of the Yjs endpoint's root, for WebsocketProvider. */
  yjsUrl: string;
  database: TestDatabase;
  registry: DocumentRegistry;
  /** fetch against the server; relative paths resolve to it. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Signs in a demo user and returns their bearer token. */
  signIn(local: string): Promise<string>;
  close(): Promise<void>;
}

/** The real app on a real HTTP server on an ephemeral port, over a private seeded database. */
export async function startTestServer(options: Partial<QuorumServerOptions> = {}): Promise<TestServer> {
  const database = openSeededTestDatabase();
  const quorum = await startQuorumServer({
    db: database.db,
    port: 0,
    host: '127.0.0.1',
    log: () => {},
    ...options,
    realtime: { projectAfterMs: 10, ...options.realtime },
  });
  const url = quorum.url;
  const request = (path: string, init?: RequestInit) => fetch(new URL(path, url), init);
  return {
    url,
    yjsUrl: `${url.replace(/^http/, 'ws')}/yjs`,
    database,
    registry: quorum.registry,
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
      await quorum.close();
      await database.dispose();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
