import type { DocumentAccess, PresenceUser } from '../../shared/realtime-protocol.js';

/** One peer's socket as a room sees it. */
export interface RoomConnection {
  readonly userId: number;
  /** The session it was opened with; signing out closes it. */
  readonly sessionToken: string;
  readonly user: PresenceUser;
  access: DocumentAccess;
  context: unknown;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Who made a change: a peer, or the server itself (tells observers which is which). */
export type TransactionOrigin = { kind: 'connection'; connection: RoomConnection } | { kind: 'server' };
