/**
 * Meeting documents for component tests: built directly, without a server,
 * and "remote" edits made on a second Y.Doc and applied the way the provider
 * would apply an update from another participant.
 */
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { agendaOf, initialiseMeetingDoc, type AgendaTemplateItem } from '../../shared/meeting-doc.js';
import type { MeetingStatus } from '../../shared/meetings.js';
import type { PresenceUser } from '../../shared/realtime-protocol.js';

export const TEMPLATE_AGENDA: AgendaTemplateItem[] = [
  { title: 'Apologies', minutesAllotted: 5 },
  { title: 'Declarations of interest', minutesAllotted: 5 },
  { title: 'High-risk ASB victims', minutesAllotted: 15 },
  { title: 'Any other business', minutesAllotted: 10 },
];

export function meetingDoc(status: MeetingStatus = 'live', agenda = TEMPLATE_AGENDA): Y.Doc {
  const doc = new Y.Doc();
  initialiseMeetingDoc(doc, status, agenda);
  return doc;
}

/** Item ids in running order. */
export function itemIds(doc: Y.Doc): string[] {
  return [...agendaOf(doc).values()]
    .sort((a, b) => Number(a.get('order')) - Number(b.get('order')))
    .map((item) => String(item.get('id')));
}

/** Makes a change as another participant would: on their own copy, then sent over as an update. */
export function remoteEdit(local: Y.Doc, edit: (remote: Y.Doc) => void): void {
  const remote = new Y.Doc();
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(local));
  edit(remote);
  Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(local)), 'remote');
  remote.destroy();
}

/** Another participant's presence, with the user the server would have stamped on it. */
export function remotePresence(awareness: Awareness, user: PresenceUser, editing: string | null): Awareness {
  const other = new Awareness(new Y.Doc());
  other.setLocalState({ user, editing });
  applyAwarenessUpdate(awareness, encodeAwarenessUpdate(other, [other.clientID]), 'remote');
  return other;
}
