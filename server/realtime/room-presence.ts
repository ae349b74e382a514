import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { PresenceUser } from '../../shared/realtime-protocol.js';
import { PresenceOwners } from './presence-owners.js';
import { encodeAwareness } from './wire.js';

/** A peer as presence needs it: who it is from its session, and where to send. */
export interface PresencePeer {
  readonly userId: number;
  readonly user: PresenceUser;
  send(message: Uint8Array): void;
}

/**
 * Who is in a room and what they are doing (y-protocols awareness), as every
 * peer in it sees it. A peer speaks only for its own client ids, and its
 * presence shows who it is from its session, never what its client claims.
 */
export class RoomPresence<Peer extends PresencePeer> {
  // Awareness needs a doc only for its client id, and is destroyed with it; its
  // own doc means reloading the room's document keeps presence.
  private readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  private readonly owners: PresenceOwners<Peer>;

  constructor(private readonly peers: ReadonlySet<Peer>) {
    this.awareness.setLocalState(null); // the server is a peer with no presence of its own
    this.awareness.on('update', this.onUpdate);
    this.owners = new PresenceOwners(this.awareness.clientID);
  }

  /** Everyone present, for a peer that asks (answered even when nobody is), or has just joined (told only if anybody is). */
  sendAll(peer: Peer, { evenIfNobody }: { evenIfNobody: boolean }): void {
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0 || evenIfNobody) peer.send(encodeAwareness(this.awareness, present));
  }

  /** Applies what of a peer's presence update is its own; throws if the update cannot be read. */
  receive(peer: Peer, update: Uint8Array): void {
    const own = this.owners.ownEntries(peer, update);
    if (own) awarenessProtocol.applyAwarenessUpdate(this.awareness, own, peer);
  }

  /** A peer left: its presence goes, for everyone still here. */
  release(peer: Peer): void {
    const clients = this.owners.release(peer);
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, null);
  }

  destroy(): void {
    this.awareness.doc.destroy();
  }

  private readonly onUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const peer = origin as Peer;
    if (this.peers.has(peer)) {
      for (const clientId of [...added, ...updated]) {
        const state = this.awareness.getStates().get(clientId);
        if (state) state.user = peer.user;
      }
    }
    const message = encodeAwareness(this.awareness, [...added, ...updated, ...removed]);
    for (const each of this.peers) each.send(message);
  };
}
