/**
 * The Yjs endpoint speaks the standard y-websocket protocol (y-protocols sync
 * and awareness) at `/yjs/<docName>`. These are the parts Quorum adds.
 */
export const YJS_PATH = '/yjs/';

/** Bump when the documents' shape changes in a way old clients cannot read. */
export const REALTIME_PROTOCOL_VERSION = 1;

/** y-websocket message types (y-websocket's own numbering). */
export const MESSAGE_TYPE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

/**
 * Close codes. y-websocket treats 4400–4499 as final (it stops reconnecting
 * and emits `closed`) and everything else as worth a retry.
 */
export const CLOSE_CODES = {
  /** No valid session cookie or token. */
  unauthenticated: 4401,
  /** Signed in, but not allowed to open this document. */
  forbidden: 4403,
  /** No such document. */
  notFound: 4404,
  /** A read-only connection sent a change; it was not applied. */
  writeRefused: 4405,
  /** An update broke the document's rules; it was not applied. Discard local state and reconnect. */
  invalidUpdate: 4422,
  /** The server is stopping; reconnect shortly. */
  serverRestarting: 1012,
  /**
   * The user already holds as many live sockets as the server allows. The
   * standard "try again later" code, deliberately outside 4400–4499 so
   * y-websocket keeps retrying with backoff: the client keeps its local
   * copy, says it is reconnecting, and gets in as soon as the user closes
   * another tab. A final code would leave the user a Reconnect button that
   * starts afresh, discarding edits made offline.
   */
  tooManyConnections: 1013,
} as const;
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

export const REFUSAL_CODES = [
  'unauthenticated',
  'forbidden',
  'not_found',
  'write_refused',
  'invalid_update',
  'too_many_connections',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/**
 * The close code that goes with each refusal: one table for the server, which
 * closes with it, and the client, which reads a close that came without its
 * refusal message.
 */
export const REFUSAL_CLOSE_CODES = {
  unauthenticated: CLOSE_CODES.unauthenticated,
  forbidden: CLOSE_CODES.forbidden,
  not_found: CLOSE_CODES.notFound,
  write_refused: CLOSE_CODES.writeRefused,
  invalid_update: CLOSE_CODES.invalidUpdate,
  too_many_connections: CLOSE_CODES.tooManyConnections,
} as const satisfies Record<RefusalCode, CloseCode>;

/** The refusal a close code stands for, if it stands for one. */
export function refusalForCloseCode(code: number): RefusalCode | undefined {
  return REFUSAL_CODES.find((refusal) => REFUSAL_CLOSE_CODES[refusal] === code);
}

/**
 * Sent before a refusal close as the reason of a y-protocols "permission
 * denied" auth message, JSON-encoded, so the client can show the message.
 */
export interface Refusal {
  code: RefusalCode;
  message: string;
}

export function parseRefusal(reason: string): Refusal | undefined {
  try {
    const value: unknown = JSON.parse(reason);
    if (
      typeof value === 'object' && value !== null &&
      REFUSAL_CODES.includes((value as Refusal).code) && typeof (value as Refusal).message === 'string'
    ) {
      return value as Refusal;
    }
  } catch {
    // not ours
  }
  return undefined;
}

/** What each connection may do with a document. */
export type DocumentAccess = 'edit' | 'read';

/** The identity the server stamps on each client's awareness state. */
export interface PresenceUser {
  id: number;
  name: string;
  agency: string;
}

/** Whether a presence entry's `user` is one the server stamped (other clients' states are read with care). */
export function isPresenceUser(value: unknown): value is PresenceUser {
  const user = value as PresenceUser | null;
  return typeof user?.id === 'number' && typeof user.name === 'string' && typeof user.agency === 'string';
}
