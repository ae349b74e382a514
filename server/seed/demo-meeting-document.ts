import * as Y from 'yjs';
import {
  agendaOf,
  attendanceOf,
  initialiseMeetingDoc,
  readAgenda,
  readMeetingDoc,
  type MeetingSnapshot,
  type AgendaTemplateItem,
  type AttendanceStatus,
} from '../../shared/meeting-doc.js';
import type { MeetingStatus } from '../../shared/meetings.js';

export interface DemoMeetingDocumentOptions {
  status: MeetingStatus;
  agenda: readonly AgendaTemplateItem[];
  memberIds: readonly number[];
}

/**
 * A demo meeting's live document as one Yjs update. Held meetings come with
 * attendance, some minutes and a resolution, so the workspace has history.
 */
export function demoMeetingDocument({ status, agenda, memberIds }: DemoMeetingDocumentOptions): {
  update: Uint8Array;
  snapshot: MeetingSnapshot;
} {
  const doc = new Y.Doc();
  initialiseMeetingDoc(doc, status, agenda);
  if (status === 'closed') {
    doc.transact(() => {
      memberIds.forEach((userId, index) => {
        const attendance: AttendanceStatus = index % 5 === 4 ? 'apologies' : 'present';
        attendanceOf(doc).set(String(userId), attendance);
      });
      const items = readAgenda(doc);
      const minutesOf = (title: string) => agendaOf(doc).get(items.find((item) => item.title === title)?.id ?? '')?.get('minutes');
      const apologies = minutesOf('Apologies');
      if (apologies instanceof Y.Text) apologies.insert(0, 'Apologies were received and noted.');
      const previous = minutesOf('Minutes of the previous meeting');
      if (previous instanceof Y.Text) previous.insert(0, 'The minutes of the previous meeting were **agreed** as a true record.');
      const previousItem = agendaOf(doc).get(items.find((item) => item.title === 'Minutes of the previous meeting')?.id ?? '');
      const decisions = previousItem?.get('decisions');
      if (decisions instanceof Y.Array) {
        const decision = new Y.Map<unknown>();
        decisions.push([decision]);
        decision.set('id', 'resolved1');
        decision.set('text', new Y.Text('RESOLVED that the minutes of the previous meeting be approved as a correct record.'));
      }
    });
  }
  const update = Y.encodeStateAsUpdate(doc);
  const snapshot = readMeetingDoc(doc);
  doc.destroy();
  return { update, snapshot };
}
