// Opening a meeting with a long update history: connect → synced on Quorum, cold and loaded,
// and the same document from the reference server.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { HISTORY, HOST } from './config.js';
import { buildHistory, storedForm, storedRows, type HistoryMeeting } from './history.js';
import { referenceAgenda } from './load.js';
import { minutesOf, withTimeout } from './peers.js';
import type { ServerProcess } from './servers.js';

export type OpenKind = 'quorum short, cold' | 'quorum long, cold' | 'quorum long, loaded' | 'reference long, loaded';

export interface OpenTiming {
  label: string;
  kind: OpenKind;
  /** connect → synced, the figure that counts. */
  ms: number;
  /** connect → WebSocket open (handshake; the server authenticates after it). */
  socketMs: number;
  /** connect → first message from the server (its sync step 1, sent once the user is authorised and the document loaded). */
  firstMessageMs: number;
}

/** Connect → synced for a fresh WebsocketProvider, with the time of its first steps. */
async function timeOpen(url: string, meeting: HistoryMeeting, token: string): Promise<Omit<OpenTiming, 'label' | 'kind'>> {
  // Collect the load test's garbage first, so that the client's GC does not land in the figure.
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, meeting.docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  let socketMs = Number.NaN;
  let firstMessageMs = Number.NaN;
  provider.on('status', ({ status }: { status: string }) => {
    if (status !== 'connected' || !provider.ws) return;
    socketMs = performance.now() - started;
    provider.ws.addEventListener('message', () => (firstMessageMs = Number.isNaN(firstMessageMs) ? performance.now() - started : firstMessageMs));
  });
  try {
    await withTimeout(
      new Promise<void>((resolveSynced, reject) => {
        provider.on('sync', (isSynced: boolean) => isSynced && resolveSynced());
        provider.on('closed', (event: { code: number; reason: string }) => reject(new Error(`${meeting.docName}: closed ${event.code} ${event.reason}`)));
      }),
      60_000,
      `opening ${meeting.docName}`,
    );
    const ms = performance.now() - started;
    const length = minutesOf(doc)?.length ?? 0;
    if (length !== meeting.minutesLength) throw new Error(`${meeting.docName}: minutes have ${length} characters, expected ${meeting.minutesLength}`);
    return { ms, socketMs, firstMessageMs };
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

/**
 * The opens on Quorum: on `server` (the one that just carried a load), then,
 * after a graceful stop that snapshots every loaded document, on a fresh
 * server over the same database. Three or more of each kind.
 */
export async function openOnQuorum({
  server,
  restart,
  dbPath,
  history,
  baselines,
  token,
}: {
  server: ServerProcess;
  restart: () => Promise<ServerProcess>;
  dbPath: string;
  history: HistoryMeeting[];
  baselines: HistoryMeeting[];
  token: string;
}): Promise<{ opens: OpenTiming[]; compaction: string }> {
  const opens: OpenTiming[] = [];
  const urlOf = (port: number) => `ws://${HOST}:${port}/yjs`;
  const open = async (port: number, kind: OpenKind, label: string, meeting: HistoryMeeting) =>
    opens.push({ label, kind, ...(await timeOpen(urlOf(port), meeting, token)) });
  // The server holds its database file alone, so how each document is stored is read between servers.
  let forms = history.map(() => 'folded into a snapshot at start-up');
  const cold = (n: number) => `long history #${n + 1}, cold, ${forms[n]}`;

  // First server: the one the load ran on. Quorum folds logs this long into snapshots before it serves.
  await open(server.port, 'quorum short, cold', 'short history #1 (1 row), cold', baselines[0]!);
  await open(server.port, 'quorum long, cold', cold(0), history[0]!);
  await open(server.port, 'quorum long, loaded', 'long history #1 again, already loaded', history[0]!);
  await open(server.port, 'quorum long, cold', cold(1), history[1]!);
  const stopStarted = performance.now();
  await server.stop(); // graceful: snapshots every loaded document
  const stopMs = performance.now() - stopStarted;
  forms = history.map((meeting) => storedForm(dbPath, meeting.docName));
  const after = storedRows(dbPath, history[0]!.docName);
  const compaction =
    `after a graceful restart (${stopMs.toFixed(0)} ms to stop), long history #1 has ` +
    `${after.snapshot ? 'a snapshot' : 'NO snapshot'} and ${after.log} log rows`;

  // Second server: cold from the snapshot, and the other cold logs.
  const fresh = await restart();
  try {
    await open(fresh.port, 'quorum short, cold', 'short history #2 (1 row), cold, fresh server', baselines[1]!);
    await open(fresh.port, 'quorum long, cold', cold(0), history[0]!);
    await open(fresh.port, 'quorum long, cold', cold(2), history[2]!);
    await open(fresh.port, 'quorum long, cold', cold(1), history[1]!);
    await open(fresh.port, 'quorum long, cold', cold(3), history[3]!);
    await open(fresh.port, 'quorum long, loaded', 'long history #2 again, already loaded', history[1]!);
    await open(fresh.port, 'quorum long, cold', cold(4), history[4]!);
    await open(fresh.port, 'quorum long, loaded', 'long history #5 again, already loaded', history[4]!);
    await open(fresh.port, 'quorum short, cold', 'short history #3 (1 row), cold', baselines[2]!);
  } finally {
    await fresh.stop();
  }
  return { opens, compaction };
}

/**
 * The same kind of long-history document opened from the reference server (on
 * `server`, the one that just carried a load): how much of an open is the
 * client's own work on the document, whatever the server.
 */
export async function openOnReference(server: ServerProcess, times = 3): Promise<OpenTiming[]> {
  const url = `ws://${HOST}:${server.port}`;
  const { updates, minutesLength } = buildHistory(referenceAgenda, HISTORY);
  const source = new Y.Doc();
  Y.transact(source, () => updates.forEach((update) => Y.applyUpdate(source, update)));
  const pusher = new WebsocketProvider(url, 'long-history', source, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve) => pusher.on('sync', (isSynced: boolean) => isSynced && resolve()));
  await new Promise((resolve) => setTimeout(resolve, 500)); // let the server take the whole state
  pusher.destroy();
  source.destroy();
  const reference: HistoryMeeting = { docName: 'long-history', rows: HISTORY, bytes: 0, minutesLength };
  const opens: OpenTiming[] = [];
  for (let i = 0; i < times; i++) {
    const label = `y-websocket reference server, same history, loaded${i === 0 ? '' : ` again (${i + 1})`}`;
    opens.push({ label, kind: 'reference long, loaded', ...(await timeOpen(url, reference, '')) });
  }
  return opens;
}
