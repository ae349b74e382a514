/**
 * Who may speak for each presence (awareness) client id in a room. y-protocols
 * applies whatever entries an update holds, so any peer could overwrite or
 * remove another's presence by naming its client id; the room passes each
 * awareness message through here first and applies only the entries the
 * sender owns.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { REALTIME_LIMITS } from '../../shared/limits.js';

/** One entry of an awareness update, its state kept as the JSON bytes that were sent. */
export interface PresenceEntry {
  clientId: number;
  clock: number;
  /** UTF-8 JSON: an object, or `null` when the client leaves. */
  state: Uint8Array;
  removed: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads an awareness update (varUint count, then per entry varUint client id,
 * varUint clock, varString JSON state); throws on anything y-protocols would
 * choke on halfway through, or a state over the size limit.
 */
export function decodePresenceUpdate(update: Uint8Array): PresenceEntry[] {
  const decoder = decoding.createDecoder(update);
  const entries: PresenceEntry[] = [];
  const count = decoding.readVarUint(decoder);
  for (let index = 0; index < count; index++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarUint8Array(decoder);
    if (state.byteLength > REALTIME_LIMITS.presenceStateBytes) throw new Error('presence state too large');
    const value: unknown = JSON.parse(utf8.decode(state));
    // The room writes the sender's identity into each state: it must be an object to hold it.
    if (value !== null && (typeof value !== 'object' || Array.isArray(value))) throw new Error('presence state is not an object');
    entries.push({ clientId, clock, state, removed: value === null });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after presence update');
  return entries;
}

export function encodePresenceUpdate(entries: readonly PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarUint8Array(encoder, state); // same bytes as writeVarString of the JSON
  }
  return encoding.toUint8Array(encoder);
}

/**
 * The client ids each connection speaks for. A connection owns a client id
 * from the first state it sends for it until it leaves; the server's own id is
 * nobody's.
 */
export class PresenceOwners<Owner extends { readonly userId: number }> {
  private readonly owners = new Map<number, Owner>();
  private readonly owned = new Map<Owner, Set<number>>();

  constructor(private readonly serverClientId: number) {}

  /**
   * The part of `update` that `sender` may apply, claiming the client ids it
   * introduces; undefined if nothing is left. Entries for ids another
   * connection owns are dropped silently: y-websocket clients relay every
   * presence change they hear, other peers' included, so these arrive from
   * honest clients all the time. Only the same user may take an id over, which
   * is how a client that reconnects (with the same id) replaces its old socket
   * before the server has noticed that socket is dead. Throws if the update
   * cannot be read.
   */
  ownEntries(sender: Owner, update: Uint8Array): Uint8Array | undefined {
    const kept = decodePresenceUpdate(update).filter((entry) => this.mayApply(sender, entry));
    return kept.length > 0 ? encodePresenceUpdate(kept) : undefined;
  }

  /** Forgets a departing connection; returns the client ids it owned, whose states should go. */
  release(owner: Owner): number[] {
    const clientIds = [...(this.owned.get(owner) ?? [])];
    this.owned.delete(owner);
    for (const clientId of clientIds) this.owners.delete(clientId);
    return clientIds;
  }

  ownerOf(clientId: number): Owner | undefined {
    return this.owners.get(clientId);
  }

  private mayApply(sender: Owner, { clientId, removed }: PresenceEntry): boolean {
    if (clientId === this.serverClientId) return false;
    const owner = this.owners.get(clientId);
    if (owner === sender) return true;
    if (owner !== undefined && owner.userId !== sender.userId) return false;
    if (owner === undefined && removed) return false; // nobody's, so there is no state to remove
    const mine = this.owned.get(sender) ?? new Set<number>();
    if (mine.size >= REALTIME_LIMITS.presenceClientsPerSocket) return false;
    if (owner !== undefined) this.owned.get(owner)?.delete(clientId);
    mine.add(clientId);
    this.owned.set(sender, mine);
    this.owners.set(clientId, sender);
    return true;
  }
}
