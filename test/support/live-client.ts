import { io, type Socket } from 'socket.io-client';
import { LIVE_EVENTS_PATH, type ClientToServerEvents, type ServerToClientEvents, type WatchResult } from '../../shared/live-events.js';
import type { TestServer } from './test-server.js';

type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];
export type LiveTestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface LiveClient {
  socket: LiveTestSocket;
  /** Every event heard so far, in order. */
  heard: { event: EventName; payload: unknown }[];
  /** Resolves with the first event of that name (heard already or still to come) that matches, or fails after the timeout. */
  waitFor<E extends EventName>(event: E, matches?: (payload: Payload<E>) => boolean, timeoutMs?: number): Promise<Payload<E>>;
  /** Events of that name heard so far. */
  all<E extends EventName>(event: E): Payload<E>[];
  watch(event: 'body:watch' | 'priority:watch', id: unknown): Promise<WatchResult>;
  /** Resolves once the server has disconnected this socket, with socket.io's reason. */
  disconnected(timeoutMs?: number): Promise<string>;
  close(): void;
}

export interface LiveConnectOptions {
  token?: unknown;
  /** Raw headers for the handshake, as a browser would send them: `cookie`, `origin`. */
  headers?: Record<string, string>;
}

function openSocket(server: TestServer, { token, headers }: LiveConnectOptions): LiveTestSocket {
  return io(server.url, {
    path: LIVE_EVENTS_PATH,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(token !== undefined ? { auth: { token } } : {}),
    ...(headers ? { extraHeaders: headers } : {}),
  });
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

/** A socket.io-client connected to the test server's live channel; fails if the server refuses it. */
export async function connectLive(server: TestServer, options: LiveConnectOptions | string): Promise<LiveClient> {
  const socket = openSocket(server, typeof options === 'string' ? { token: options } : options);
  const heard: LiveClient['heard'] = [];
  const waiting = new Set<() => void>();
  socket.onAny((event: EventName, payload: unknown) => {
    heard.push({ event, payload });
    for (const check of waiting) check();
  });
  const closedBy = new Promise<string>((resolve) => socket.on('disconnect', (reason) => resolve(reason)));
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    }),
    5000,
    'the live channel to connect',
  );
  const all = <E extends EventName>(event: E) => heard.filter((each) => each.event === event).map((each) => each.payload as Payload<E>);
  return {
    socket,
    heard,
    all,
    waitFor(event, matches = () => true, timeoutMs = 5000) {
      return withTimeout(
        new Promise((resolve) => {
          const check = () => {
            const found = all(event).find(matches);
            if (found === undefined) return;
            waiting.delete(check);
            resolve(found);
          };
          waiting.add(check);
          check();
        }),
        timeoutMs,
        `"${event}"`,
      );
    },
    watch: (event, id) => withTimeout(socket.emitWithAck(event, id as number), 5000, `the answer to ${event}`),
    disconnected: (timeoutMs = 5000) => withTimeout(closedBy, timeoutMs, 'the server to disconnect the socket'),
    close: () => socket.disconnect(),
  };
}

/** Tries to connect and returns the refusal's code and message; fails if the server lets it in. */
export async function refusedLive(server: TestServer, options: LiveConnectOptions): Promise<{ code: unknown; message: string }> {
  const socket = openSocket(server, options);
  try {
    return await withTimeout(
      new Promise((resolve, reject) => {
        socket.once('connect', () => reject(new Error('the live channel let the connection in')));
        socket.once('connect_error', (error: Error & { data?: { code?: unknown } }) => resolve({ code: error.data?.code, message: error.message }));
      }),
      5000,
      'the live channel to refuse',
    );
  } finally {
    socket.disconnect();
  }
}

/** Waits a little and returns what arrived: for checking something did not. */
export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
