import { openDatabase } from '../../server/db/database.js';
import type { LiveNotices } from '../../server/live/live-notices.js';
import type { DocumentRegistry } from '../../server/realtime/document-registry.js';
import { startQuorumServer, type QuorumServer, type QuorumServerOptions } from '../../server/quorum-server.js';
import { DEMO_PASSWORD } from '../../server/seed/demo-partnership.js';
import { openSeededTestDatabase, type TestDatabase } from './test-database.js';

export interface TestServer {
  url: string;
  /** ws:// address of the Yjs endpoint's root, for WebsocketProvider. */
  yjsUrl: string;
  database: TestDatabase;
  registry: DocumentRegistry;
  notices: LiveNotices;
  /** fetch against the server; relative paths resolve to it. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Signs in a demo user and returns their bearer token. */
  signIn(local: string): Promise<string>;
  /** Stops the server and starts a new one over the same database file, as after a restart. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The real server (API and Yjs endpoint) on an ephemeral port, over a private seeded database. */
export async function startTestServer(options: Partial<QuorumServerOptions> = {}): Promise<TestServer> {
  const database = openSeededTestDatabase();
  const start = () =>
    startQuorumServer({
      db: database.db,
      port: 0,
      host: '127.0.0.1',
      log: () => {},
      ...options,
      realtime: { projectAfterMs: 10, ...options.realtime },
    });
  let quorum: QuorumServer = await start();

  const server: TestServer = {
    url: quorum.url,
    yjsUrl: `${quorum.url.replace(/^http/, 'ws')}/yjs`,
    database,
    registry: quorum.registry,
    notices: quorum.notices,
    request: (path, init) => fetch(new URL(path, server.url), init),
    async signIn(local) {
      const response = await server.request('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${local}@demo.quorum.test`, password: DEMO_PASSWORD }),
      });
      if (response.status !== 200) throw new Error(`sign-in as ${local} failed: ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
    async restart() {
      await quorum.close();
      await database.db.destroy();
      database.db = openDatabase({ path: database.path });
      quorum = await start();
      Object.assign(server, { url: quorum.url, yjsUrl: `${quorum.url.replace(/^http/, 'ws')}/yjs`, registry: quorum.registry, notices: quorum.notices });
    },
    async close() {
      await quorum.close();
      await database.dispose();
    },
  };
  return server;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
