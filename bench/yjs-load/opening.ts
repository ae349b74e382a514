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

/** Untimed applies of the long history by the client, before the first open. */
const CLIENT_WARM_UPS = 20;
/** Between one open and the next. */
const OPEN_PAUSE_MS = 100;

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
  // A pause first, so that the last open's garbage and its collection are behind us: taken back to
  // back, the client's TCP connect alone sometimes waited 8 ms on its own busy loop, either server.
  await new Promise((resolvePause) => setTimeout(resolvePause, OPEN_PAUSE_MS));
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
 * The opens, Quorum's and the reference's taken in turn so that the machine's
 * drift over the minute they take hits both alike. First on `quorum`, fresh,
 * which folded the long logs into snapshots at start-up: each long history
 * cold, then again loaded. Then, after a graceful stop that snapshots every
 * loaded document, on a fresh server over the same database: each cold from
 * its snapshot. Every Quorum open is followed by one of the same history from
 * the reference server, which holds it loaded.
 */
export async function compareOpens({
  quorum,
  restart,
  reference,
  dbPath,
  history,
  baselines,
  token,
}: {
  quorum: ServerProcess;
  restart: () => Promise<ServerProcess>;
  reference: ServerProcess;
  dbPath: string;
  history: HistoryMeeting[];
  baselines: HistoryMeeting[];
  token: string;
}): Promise<{ opens: OpenTiming[]; compaction: string }> {
  const opens: OpenTiming[] = [];
  const { meeting: referenceHistory, state } = await loadOnReference(reference);
  await warmUpClient(state);
  await timeOpen(`ws://${HOST}:${reference.port}`, referenceHistory, ''); // untimed: the client's open path warmed up too
  let referenceOpens = 0;
  const open = async (port: number, kind: OpenKind, label: string, meeting: HistoryMeeting) => {
    opens.push({ label, kind, ...(await timeOpen(`ws://${HOST}:${port}/yjs`, meeting, token)) });
    referenceOpens++;
    const again = `y-websocket reference server, same history, loaded (${referenceOpens})`;
    opens.push({ label: again, kind: 'reference long, loaded', ...(await timeOpen(`ws://${HOST}:${reference.port}`, referenceHistory, '')) });
  };
  // The server holds its database file alone, so how each document is stored is read between servers.
  let forms = history.map(() => 'folded into a snapshot at start-up');
  const cold = (n: number) => `long history #${n + 1}, cold, ${forms[n]}`;

  await open(quorum.port, 'quorum short, cold', 'short history #1 (its first content alone), cold', baselines[0]!);
  for (const [n, meeting] of history.entries()) {
    await open(quorum.port, 'quorum long, cold', cold(n), meeting);
    await open(quorum.port, 'quorum long, loaded', `long history #${n + 1} again, already loaded`, meeting);
  }
  const stopStarted = performance.now();
  await quorum.stop(); // graceful: snapshots every loaded document
  const stopMs = performance.now() - stopStarted;
  forms = history.map((meeting) => storedForm(dbPath, meeting.docName));
  const after = storedRows(dbPath, history[0]!.docName);
  const compaction =
    `after a graceful restart (${stopMs.toFixed(0)} ms to stop), long history #1 has ` +
    `${after.snapshot ? 'a snapshot' : 'NO snapshot'} and ${after.log} log rows`;

  const fresh = await restart();
  try {
    await open(fresh.port, 'quorum short, cold', 'short history #2 (its first content alone), cold, fresh server', baselines[1]!);
    for (const [n, meeting] of history.entries()) await open(fresh.port, 'quorum long, cold', cold(n), meeting);
    await open(fresh.port, 'quorum short, cold', 'short history #3 (its first content alone), cold', baselines[2]!);
  } finally {
    await fresh.stop();
  }
  return { opens, compaction };
}

/**
 * Collects the load runs' garbage once and warms up this client's apply of a
 * long history, before any open is timed: a forced collection before each
 * open, and a cold client, made its apply of the same bytes take 2–28 ms at
 * random (1.7 ms warm), whichever server sent them.
 */
async function warmUpClient(state: Uint8Array): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < CLIENT_WARM_UPS; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    doc.destroy();
  }
}

/** Gives the reference server the same long history as Quorum's meetings, held loaded from then on; returns it, and its state. */
async function loadOnReference(server: ServerProcess): Promise<{ meeting: HistoryMeeting; state: Uint8Array }> {
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
  const state = Y.encodeStateAsUpdate(source);
  source.destroy();
  return { meeting: { docName: 'long-history', rows: HISTORY, bytes: 0, minutesLength }, state };
}
