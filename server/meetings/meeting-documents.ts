import * as Y from 'yjs';
import { meetingAccess } from '../../shared/access.js';
import {
  readMeetingDoc,
  readMeta,
  refusedMetaChanges,
  validateMeetingDoc,
  validateMinutesTyping,
  type MeetingMeta,
} from '../../shared/meeting-doc.js';
import { MEETING_DOC_NAME } from '../../shared/meetings.js';
import { canManageMeetings, type Role } from '../../shared/roles.js';
import type { Db } from '../db/database.js';
import { findBody } from '../partnership/body-repository.js';
import { RefusalError, type DocumentKind } from '../realtime/document-kind.js';
import { getCurrentUser } from '../users/user-repository.js';
import { findMeeting, listMemberIds } from './meeting-repository.js';
import { projectMeeting } from './meeting-projection.js';

export interface MeetingDocContext {
  meetingId: number;
  role: Role;
  memberIds: ReadonlySet<number>;
}

function meetingIdOf(docName: string): number {
  const match = MEETING_DOC_NAME.exec(docName);
  if (!match) throw new Error(`not a meeting document: ${docName}`);
  return Number(match[1]);
}

/** Meeting documents: who may open them, the rules every update keeps, and their SQL mirror. */
export function meetingDocuments({ db }: { db: Db }): DocumentKind<MeetingDocContext, MeetingMeta> {
  return {
    owns: (docName) => MEETING_DOC_NAME.test(docName),

    async authorize({ docName, userId }) {
      const meeting = await findMeeting(db, meetingIdOf(docName));
      const body = meeting && (await findBody(db, meeting.bodyId, userId));
      const user = await getCurrentUser(db, userId);
      if (!meeting || !body || !user) throw new RefusalError({ code: 'not_found', message: 'There is no such meeting' });
      const access = meetingAccess(body.myRole, meeting.status);
      if (access === 'none' || body.myRole === null) {
        throw new RefusalError({ code: 'forbidden', message: `Only members of ${body.name} can open its meetings` });
      }
      return {
        access,
        user: { id: user.id, name: user.name, agency: user.agency.shortName },
        context: { meetingId: meeting.id, role: body.myRole, memberIds: await listMemberIds(db, body.id) },
      };
    },

    capture: ({ doc }) => readMeta(doc),

    validate({ doc, before, context, changed }) {
      const texts = [...changed];
      if (texts.length > 0 && texts.every((type) => type instanceof Y.Text)) return validateMinutesTyping(doc, texts as Y.Text[]);
      const issues = validateMeetingDoc(doc, { memberIds: context.memberIds });
      if (issues.length > 0) return issues;
      return refusedMetaChanges(before, readMeta(doc), { runsMeeting: canManageMeetings(context.role) });
    },

    project: ({ docName, doc }) => projectMeeting(db, meetingIdOf(docName), readMeetingDoc(doc)),
  };
}
