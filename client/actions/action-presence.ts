/**
 * Who is editing which action, from y-protocols awareness. The server stamps
 * each connection's `user`; this client only ever sets `editingAction`.
 */
import type { Awareness } from 'y-protocols/awareness';
import { isPresenceUser, type PresenceUser } from '../../shared/realtime-protocol.js';

/** Everyone else editing an action, by action id; each person once per action, sorted by name. */
export function readActionEditors(awareness: Awareness | null | undefined): Map<string, PresenceUser[]> {
  const editors = new Map<string, PresenceUser[]>();
  awareness?.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID || !isPresenceUser(state.user) || typeof state.editingAction !== 'string') return;
    const users = editors.get(state.editingAction) ?? [];
    if (!users.some((user) => user.id === (state.user as PresenceUser).id)) users.push(state.user);
    editors.set(state.editingAction, users);
  });
  for (const users of editors.values()) users.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return editors;
}

/** Tells everyone which action this client is editing, or none. */
export function setEditingAction(awareness: Awareness | null | undefined, actionId: string | null): void {
  if (awareness && awareness.getLocalState()?.editingAction !== actionId) awareness.setLocalStateField('editingAction', actionId);
}
