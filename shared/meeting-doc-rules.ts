/**
 * What one person may change in a meeting's live document, field by field.
 * The schema (`meeting-doc.ts`) says what a valid document looks like; these
 * rules say who may move it from one valid state to the next: agenda
 * structure, Part II marking, decisions and the current item by those running
 * the body; minutes by everyone editing; your own attendance and declarations
 * by you (and anyone's by those running the body, as the clerk records them).
 */
import * as Y from 'yjs';
import { plainEntries, type DocIssue } from './doc-validation.js';
import { measureMeeting, typedText, type MeetingSize } from './meeting-doc-validation.js';
import { meetingPhase } from './minutes-lifecycle.js';
import { agendaOf, attendanceOf, declarationsOf, readMeta, type MeetingMeta } from './meeting-doc.js';
import {
  mayDeclareFor,
  mayEditAgenda,
  mayEditMinutes,
  mayRecordAttendance,
  mayRecordDecisions,
  maySetCurrentItem,
  type Standing,
} from './permissions.js';

/** An agenda item as it stood before an update. */
interface ItemBefore {
  fields: string;
  decisions: Y.AbstractType<any> | undefined;
  decisionEntries: ReadonlySet<Y.AbstractType<any>>;
}

/** What the rules compare against, captured before an update is applied. */
export interface MeetingBefore {
  meta: MeetingMeta;
  items: Map<string, ItemBefore>;
  attendance: Map<string, unknown>;
  /** Each declaration's fields by its id. */
  declarations: Map<string, string>;
  /** For checking typing's effect on the document's size without walking it at each keystroke. */
  size: MeetingSize;
}

const ITEM_FIELDS = ['title', 'presenter', 'minutesAllotted', 'partTwo', 'exemptionParagraph', 'order'] as const;
const itemFields = (item: Y.Map<unknown>) => JSON.stringify(ITEM_FIELDS.map((field) => item.get(field)));

export function captureMeeting(doc: Y.Doc): MeetingBefore {
  const items = new Map<string, ItemBefore>();
  agendaOf(doc).forEach((item, itemId) => {
    if (!(item instanceof Y.Map)) return;
    const decisions = item.get('decisions');
    items.set(itemId, {
      fields: itemFields(item),
      decisions: decisions instanceof Y.Array ? decisions : undefined,
      decisionEntries: new Set(decisions instanceof Y.Array ? (decisions.toArray() as Y.AbstractType<any>[]) : []),
    });
  });
  return { meta: readMeta(doc), items, attendance: new Map(attendanceOf(doc).entries()), declarations: declarationsById(doc), size: measureMeeting(doc) };
}

function declarationsById(doc: Y.Doc): Map<string, string> {
  const byId = new Map<string, string>();
  declarationsOf(doc).forEach((declaration) => {
    if (declaration instanceof Y.Map) byId.set(String(declaration.get('id')), JSON.stringify(plainEntries(declaration)));
  });
  return byId;
}

export interface MeetingEditor {
  role: Standing;
  userId: number;
}

/**
 * The changes between the document before an update and the (schema-valid)
 * document after it that this editor may not make. `changed` holds the Yjs
 * types the update changed.
 */
export function refusedMeetingChanges(
  doc: Y.Doc,
  before: MeetingBefore,
  changed: ReadonlySet<Y.AbstractType<any>>,
  { role, userId }: MeetingEditor,
): DocIssue[] {
  const issues: DocIssue[] = [];
  const status = meetingPhase(before.meta.status, before.meta.minutesStage);
  const meta = readMeta(doc);
  if (meta.status !== before.meta.status) issues.push({ path: 'meta.status', message: 'The meeting is started and closed from its page, not by editing it' });
  if (meta.minutesStage !== before.meta.minutesStage) {
    issues.push({ path: 'meta.minutesStage', message: 'Minutes are circulated, confirmed and published from their page, not by editing them' });
  }
  if ((meta.currentItemId !== before.meta.currentItemId || meta.timerStartedAt !== before.meta.timerStartedAt) && !maySetCurrentItem(role, status)) {
    issues.push({ path: 'meta.currentItemId', message: 'Only the chair, vice-chair or secretariat sets the current item and its timer' });
  }

  const agenda = agendaOf(doc);
  const agendaChanged =
    agenda.size !== before.items.size ||
    [...agenda.entries()].some(([itemId, item]) => before.items.get(itemId)?.fields !== itemFields(item));
  if (agendaChanged && !mayEditAgenda(role, status)) {
    issues.push({ path: 'agenda', message: 'Only the chair, vice-chair or secretariat changes the agenda and its Part II marking' });
  }
  agenda.forEach((item, itemId) => {
    const was = before.items.get(itemId);
    if (!was) return; // a new item comes with the agenda rule above
    const decisions = item.get('decisions') as Y.Array<Y.Map<unknown>>;
    const touched =
      decisions !== was.decisions ||
      changed.has(decisions) ||
      decisions.toArray().some((decision) => changed.has(decision) || changed.has(decision.get('text') as Y.AbstractType<any>));
    if (touched && !mayRecordDecisions(role, status)) {
      issues.push({ path: `agenda.${itemId}.decisions`, message: 'Only the chair, vice-chair or secretariat records decisions' });
    }
  });

  const attendance = attendanceOf(doc);
  const people = new Set([...before.attendance.keys(), ...attendance.keys()]);
  for (const person of people) {
    if (attendance.get(person) === before.attendance.get(person)) continue;
    if (!mayRecordAttendance({ role, userId, subjectId: Number(person) }, status)) {
      issues.push({ path: `attendance.${person}`, message: 'You record your own attendance; the chair, vice-chair or secretariat records others’' });
    }
  }

  const declarations = declarationsById(doc);
  for (const id of new Set([...before.declarations.keys(), ...declarations.keys()])) {
    const [was, now] = [before.declarations.get(id), declarations.get(id)];
    if (was === now) continue;
    const subjects = [was, now].filter((entry) => entry !== undefined).map((entry) => (JSON.parse(entry) as { userId: number }).userId);
    if (subjects.some((subjectId) => !mayDeclareFor({ role, userId, subjectId }, status))) {
      issues.push({ path: `declarations.${id}`, message: 'You declare your own interests; the chair, vice-chair or secretariat records others’' });
    }
  }
  return issues;
}

/**
 * Typing (the quick path, when an update only changed existing texts): minutes
 * need `mayEditMinutes`, a decision's words `mayRecordDecisions`.
 */
export function refusedTyping(doc: Y.Doc, before: MeetingBefore, texts: readonly Y.Text[], { role }: MeetingEditor): DocIssue[] {
  const issues: DocIssue[] = [];
  const status = meetingPhase(before.meta.status, before.meta.minutesStage);
  for (const text of texts) {
    const place = typedText(doc, text);
    if (place?.kind === 'decision' && !mayRecordDecisions(role, status)) {
      issues.push({ path: `agenda.${place.itemId}.decisions`, message: 'Only the chair, vice-chair or secretariat records decisions' });
    } else if (place?.kind === 'minutes' && !mayEditMinutes(role, status)) {
      issues.push({ path: `agenda.${place.itemId}.minutes`, message: 'You cannot change the minutes of this meeting' });
    }
  }
  return issues;
}
