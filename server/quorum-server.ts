import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { actionLogDocuments } from './actions/action-log-documents.js';
import { createApp, type App, type AppOptions } from './app.js';
import { startSessionPruning } from './auth/session-pruning.js';
import { holdExclusively, type Db } from './db/database.js';
import { meetingDocuments } from './meetings/meeting-documents.js';
import { createDocumentRegistry, type DocumentRegistry, type DocumentRegistryOptions } from './realtime/document-registry.js';
import { createDocumentStore } from './realtime/document-store.js';
import { DEFAULT_COMPACT_AFTER } from './realtime/document-room.js';
import { createYjsEndpoint } from './realtime/yjs-endpoint.js';
import { createLiveChannel } from './live/live-channel.js';
import { createLiveNotices, type LiveNotices } from './live/live-notices.js';
import { LIVE_EVENTS_PATH } from '../shared/live-events.js';
import { foldLongLogs } from './start-up-folding.js';

export interface QuorumServerOptions extends Omit<AppOptions, 'registry' | 'publicUrl' | 'notices' | 'onSessionEnded'> {
  db: Db;
  port: number;
  host?: string;
  /** Where users reach the app; by default the address it listens on. */
  publicUrl?: string;
  /** How often expired sessions are deleted. */
  sessionPruneEveryMs?: number;
  realtime?: Pick<DocumentRegistryOptions, 'idleUnloadMs' | 'compactAfter' | 'projectAfterMs'>;
}

export interface QuorumServer {
  url: string;
  /** Where users reach the app, as written into links. */
  publicUrl: string;
  port: number;
  server: Server;
  registry: DocumentRegistry;
  /** Notifications and live list refreshes. */
  notices: LiveNotices;
  /** Stops accepting, snapshots every open document and closes every socket. */
  close(): Promise<void>;
}

/** The whole server: the Hono app and the Yjs endpoint on one HTTP server. */
export async function startQuorumServer({
  db,
  port,
  host = '0.0.0.0',
  realtime = {},
  publicUrl,
  sessionPruneEveryMs,
  ...appOptions
}: QuorumServerOptions): Promise<QuorumServer> {
  await foldLongLogs(db, realtime.compactAfter ?? DEFAULT_COMPACT_AFTER);
  holdExclusively(db);
  const store = createDocumentStore({ db });
  const notices = createLiveNotices({ db });
  const registry = createDocumentRegistry({ store, kinds: [meetingDocuments({ db }), actionLogDocuments({ db, notices })], ...realtime });
  const sessionPruning = await startSessionPruning({
    db,
    ...(sessionPruneEveryMs ? { everyMs: sessionPruneEveryMs } : {}),
    ...(appOptions.log ? { log: appOptions.log } : {}),
  });
  // The app needs the public URL, which by default is the address the server
  // ends up on (PORT=0 picks one), so it is made once listening has begun;
  // no request can arrive before this function's next turn.
  let app: App | undefined;
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: (request, env) => app!.fetch(request, env), port, hostname: host }, () => resolve(started as Server));
  });
  const actualPort = (server.address() as AddressInfo).port;
  const listeningUrl = `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`;
  const live = createLiveChannel({ httpServer: server, db, notices });
  app = createApp({
    db,
    registry,
    notices,
    publicUrl: publicUrl ?? listeningUrl,
    onSessionEnded: async (token) => {
      live.endSession(token);
      await registry.endSession(token);
    },
    ...appOptions,
  });
  const yjs = createYjsEndpoint({ db, registry });
  // One upgrade listener routes every WebSocket by path; anything else is refused
  // rather than left hanging.
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith(yjs.path)) return yjs.handleUpgrade(request, socket, head, url);
    if (url.pathname.startsWith(LIVE_EVENTS_PATH)) return; // socket.io's own upgrade listener takes it
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });
  return {
    url: listeningUrl,
    publicUrl: publicUrl ?? listeningUrl,
    port: actualPort,
    server,
    registry,
    notices,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await yjs.close();
      await live.close();
      server.closeAllConnections();
      await closed;
      await sessionPruning.stop();
    },
  };
}
