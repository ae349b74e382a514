/** Stand-ins for a room's peers and kind, for testing `DocumentRoom` without sockets. */
import * as decoding from 'lib0/decoding';
import type { DocIssue } from '../../shared/doc-validation.js';
import { MESSAGE_TYPE, parseRefusal, type Refusal } from '../../shared/realtime-protocol.js';
import type { DocumentKind } from '../../server/realtime/document-kind.js';
import type { RoomConnection } from '../../server/realtime/room-connection.js';

/** A kind that lets every peer change anything, and whose own check says whatever the test wants. */
export function permissiveKind(check: () => DocIssue[] = () => []): DocumentKind {
  return {
    owns: () => true,
    authorize: () => Promise.reject(new Error('not used')),
    capture: () => undefined,
    validate: () => [],
    check: async () => check(),
    project: async () => {},
  };
}

export interface FakeConnection extends RoomConnection {
  sent: Uint8Array[];
  closed?: { code: number; reason: string };
  refusals(): Refusal[];
  updates(): number;
}

export function fakeConnection(userId = 1): FakeConnection {
  const connection: FakeConnection = {
    userId,
    sessionToken: `session-${userId}`,
    user: { id: userId, name: `User ${userId}`, agency: 'Test' },
    access: 'edit',
    context: null,
    sent: [],
    send: (message) => connection.sent.push(message),
    close: (code, reason) => (connection.closed = { code, reason }),
    refusals: () =>
      connection.sent.flatMap((message) => {
        const decoder = decoding.createDecoder(message);
        if (decoding.readVarUint(decoder) !== MESSAGE_TYPE.auth) return [];
        decoding.readVarUint(decoder);
        return [parseRefusal(decoding.readVarString(decoder))!];
      }),
    updates: () => connection.sent.filter((message) => message[0] === MESSAGE_TYPE.sync && message[1] === 2).length,
  };
  return connection;
}
