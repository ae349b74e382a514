import type * as Y from 'yjs';
import { captureMeeting, refusedMeetingChanges, refusedTyping, type MeetingBefore } from '../../shared/meeting-doc-rules.js';
import type { DocIssue, UnappliedTyping } from '../../shared/doc-validation.js';
import { validateMeetingDoc, validateTyping } from '../../shared/meeting-doc-validation.js';
import { readMeetingDoc } from '../../shared/meeting-doc.js';
import { MEETING_DOC_NAME } from '../../shared/meetings.js';
import { meetingAccess } from '../../shared/permissions.js';
import type { Role } from '../../shared/roles.js';
import type { Db } from '../db/database.js';
import { findBody } from '../partnership/body-repository.js';
import { RefusalError, type DocumentKind } from '../realtime/document-kind.js';
import { changedOnlyTexts } from '../realtime/peer-update.js';
import { notAMember } from '../realtime/refusals.js';
import { getCurrentUser } from '../users/user-repository.js';
import { readMeetingPhase } from '../minutes/minutes-stage.js';
import { findMeeting, listMemberIds } from './meeting-repository.js';
import { projectMeeting } from './meeting-projection.js';

export interface MeetingDocContext {
  meetingId: number;
  userId: number;
  role: Role;
  memberIds: ReadonlySet<number>;
}

function typingIssues(doc: Y.Doc, before: MeetingBefore, texts: Y.Text[], context: MeetingDocContext, unapplied?: UnappliedTyping): DocIssue[] {
  const issues = validateTyping(doc, texts, before.size, unapplied);
  return issues.length > 0 ? issues : refusedTyping(doc, before, texts, context);
}

function meetingIdOf(docName: string): number {
  const match = MEETING_DOC_NAME.exec(docName);
  if (!match) throw new Error(`not a meeting document: ${docName}`);
  return Number(match[1]);
}

const NO_SUCH_MEETING = 'There is no such meeting';

/**
 * Meeting documents: who may open them, the schema every update keeps, who
 * may change which part (`shared/meeting-doc-rules.ts`), and their SQL mirror.
 */
export function meetingDocuments({ db }: { db: Db }): DocumentKind<MeetingDocContext, MeetingBefore> {
  return {
    owns: (docName) => MEETING_DOC_NAME.test(docName),

    async authorize({ docName, userId }) {
      const meeting = await findMeeting(db, meetingIdOf(docName));
      const body = meeting && (await findBody(db, meeting.bodyId, userId));
      const user = await getCurrentUser(db, userId);
      if (!meeting || !body || !user) throw new RefusalError({ code: 'not_found', message: NO_SUCH_MEETING });
      const access = meetingAccess(body.myRole, await readMeetingPhase(db, meeting));
      if (access === 'none' || body.myRole === null) throw notAMember(body, 'meetings', NO_SUCH_MEETING);
      return {
        access,
        user: { id: user.id, name: user.name, agency: user.agency.shortName },
        context: { meetingId: meeting.id, userId, role: body.myRole, memberIds: await listMemberIds(db, body.id) },
      };
    },

    capture: ({ doc }) => captureMeeting(doc),
    // An accepted update that changed only texts was typing into minutes or a decision (see `validate`), which nothing captured holds.
    captureOutlives: changedOnlyTexts,

    validate({ doc, before, context, changed }) {
      // Typing into minutes or a decision: the structure is untouched, so check lengths and who types where.
      if (changedOnlyTexts(changed)) return typingIssues(doc, before, [...changed] as Y.Text[], context);
      const issues = validateMeetingDoc(doc, { memberIds: context.memberIds });
      if (issues.length > 0) return issues;
      return refusedMeetingChanges(doc, before, changed, context);
    },

    validateTyping: ({ doc, before, context, typing }) => typingIssues(doc, before, [typing.text], context, typing),

    async check({ docName, doc }) {
      const meeting = await findMeeting(db, meetingIdOf(docName));
      return validateMeetingDoc(doc, { memberIds: meeting ? await listMemberIds(db, meeting.bodyId) : new Set() });
    },

    project: ({ docName, doc }) => projectMeeting(db, meetingIdOf(docName), readMeetingDoc(doc)),
  };
}
