/**
 * Who else has the meeting open, read from y-protocols awareness. The server
 * stamps each connection's `user` from its session, so names and agencies
 * here can be trusted; this client only ever sets `editing`.
 */
import type { Awareness } from 'y-protocols/awareness';
import { isPresenceUser, type PresenceUser } from '../../shared/realtime-protocol.js';

/** One person in the meeting, however many tabs they have it open in. */
export interface Participant {
  user: PresenceUser;
  /** Items whose minutes they are editing now, in no particular order. */
  editing: string[];
}

/** Everyone but this client, grouped by user and sorted by name. */
export function readParticipants(awareness: Awareness): Participant[] {
  const byUser = new Map<number, Participant>();
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID || !isPresenceUser(state.user)) return;
    const participant = byUser.get(state.user.id) ?? { user: state.user, editing: [] };
    if (typeof state.editing === 'string' && !participant.editing.includes(state.editing)) participant.editing.push(state.editing);
    byUser.set(state.user.id, participant);
  });
  return [...byUser.values()].sort((a, b) => a.user.name.localeCompare(b.user.name, 'en-GB'));
}

/** Tells everyone which item's minutes this client is editing, or none. */
export function setEditing(awareness: Awareness, itemId: string | null): void {
  if (awareness.getLocalState()?.editing !== itemId) awareness.setLocalStateField('editing', itemId);
}
