/**
 * The live meeting document: its shape, its limits, and how to read and
 * start one. The rules every update keeps are `meeting-doc-validation.ts`
 * (its shape) and `meeting-doc-rules.ts` (who may change what); the client
 * reads the document with `readMeetingDoc`.
 *
 * The agenda is a map of items keyed by id with a numeric `order`, not an
 * array: moving an item then only changes one number, so someone typing the
 * minutes of an item while the chair moves it loses nothing.
 */
import * as Y from 'yjs';
import * as z from 'zod';
import { docId, newId, plainEntries } from './doc-validation.js';
import { MEETING_STATUSES, type AgendaTemplateItem, type MeetingStatus } from './meetings.js';
import { exemptionParagraph, MINUTES_STAGES, type MinutesStage } from './minutes-lifecycle.js';

export { newId };

export const MEETING_DOC_LIMITS = {
  agendaItems: 80,
  titleLength: 200,
  presenterLength: 120,
  minutesAllotted: 240,
  minutesTextLength: 100_000,
  decisionsPerItem: 40,
  decisionLength: 2_000,
  declarations: 200,
  interestLength: 500,
  /** All text in the document together, in characters. */
  documentCharacters: 1_000_000,
} as const;

export const ATTENDANCE_STATUSES = ['present', 'apologies', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: 'Present',
  apologies: 'Apologies',
  absent: 'Absent',
};

/** Names of the document's top-level types. */
export const MEETING_ROOTS = { meta: 'meta', agenda: 'agenda', attendance: 'attendance', declarations: 'declarations' } as const;

/** An agenda item's plain fields; `minutes` (Y.Text) and `decisions` (Y.Array) are checked beside it. */
export const agendaItemFields = z.strictObject({
  id: docId,
  title: z.string().max(MEETING_DOC_LIMITS.titleLength, { error: `Title is longer than ${MEETING_DOC_LIMITS.titleLength} characters` }),
  presenter: z.string().max(MEETING_DOC_LIMITS.presenterLength),
  minutesAllotted: z.number().int().min(0).max(MEETING_DOC_LIMITS.minutesAllotted),
  partTwo: z.boolean(),
  /** The Schedule 12A paragraph a Part II item is exempt under, chosen by the chair (absent on items made before it could be). */
  exemptionParagraph: exemptionParagraph.nullable().optional(),
  order: z.number().refine(Number.isFinite, { error: 'must be a finite number' }),
});

/**
 * A decision's fields as read. Its `text` is stored as a Y.Text, typed live
 * like minutes; decisions recorded before that hold it as a plain string,
 * which is still read (and checked) so old meetings show.
 */
export const decisionFields = z.strictObject({
  id: docId,
  text: z.string().max(MEETING_DOC_LIMITS.decisionLength, { error: `A decision can be up to ${MEETING_DOC_LIMITS.decisionLength} characters` }),
});

export const declarationFields = z.strictObject({
  id: docId,
  userId: z.number().int().positive(),
  itemId: docId.nullable(),
  interest: z.string().min(1).max(MEETING_DOC_LIMITS.interestLength),
});

export const metaFields = z.strictObject({
  status: z.enum(MEETING_STATUSES),
  currentItemId: docId.nullable(),
  /** When the current item's timer started (ISO instant), or null when it is not running. */
  timerStartedAt: z.iso.datetime().nullable(),
  /** Where the minutes stand once the meeting has closed; set by the server only, like the status. */
  minutesStage: z.enum(MINUTES_STAGES),
});

export type AgendaItemFields = z.infer<typeof agendaItemFields>;
export type Decision = z.infer<typeof decisionFields>;
export type Declaration = z.infer<typeof declarationFields>;
export type MeetingMeta = z.infer<typeof metaFields>;

export interface AgendaItem extends AgendaItemFields {
  minutes: string;
  decisions: Decision[];
}

export interface MeetingSnapshot extends MeetingMeta {
  agenda: AgendaItem[];
  attendance: Record<number, AttendanceStatus>;
  declarations: Declaration[];
}

// Accessors. Each root is fetched with its one constructor, so a client that
// tries to define it as another type makes Yjs throw, which counts as invalid.
export const metaOf = (doc: Y.Doc) => doc.getMap<unknown>(MEETING_ROOTS.meta);
export const agendaOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(MEETING_ROOTS.agenda);
export const attendanceOf = (doc: Y.Doc) => doc.getMap<AttendanceStatus>(MEETING_ROOTS.attendance);
export const declarationsOf = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(MEETING_ROOTS.declarations);

export function readMeta(doc: Y.Doc): MeetingMeta {
  const meta = metaOf(doc);
  return {
    status: (meta.get('status') as MeetingStatus | undefined) ?? 'scheduled',
    currentItemId: (meta.get('currentItemId') as string | null | undefined) ?? null,
    timerStartedAt: (meta.get('timerStartedAt') as string | null | undefined) ?? null,
    minutesStage: (meta.get('minutesStage') as MinutesStage | undefined) ?? 'draft',
  };
}

/** A decision's words, whether stored as live text or (before decisions were live) as a string. */
export function decisionText(decision: Y.Map<unknown>): string {
  const text = decision.get('text');
  return text instanceof Y.Text ? text.toString() : typeof text === 'string' ? text : '';
}

export function readDecision(decision: Y.Map<unknown>): Decision {
  return { ...(plainEntries(decision) as Decision), text: decisionText(decision) };
}

export function readAgendaItem(item: Y.Map<unknown>): AgendaItem {
  const fields = plainEntries(item) as AgendaItemFields;
  const minutes = item.get('minutes');
  const decisions = item.get('decisions');
  return {
    ...fields,
    minutes: minutes instanceof Y.Text ? minutes.toString() : '',
    decisions:
      decisions instanceof Y.Array ? decisions.toArray().map((decision) => readDecision(decision as Y.Map<unknown>)) : [],
  };
}

/** The agenda in running order. */
export function readAgenda(doc: Y.Doc): AgendaItem[] {
  return [...agendaOf(doc).values()]
    .filter((item) => item instanceof Y.Map)
    .map(readAgendaItem)
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function readMeetingDoc(doc: Y.Doc): MeetingSnapshot {
  const attendance: Record<number, AttendanceStatus> = {};
  attendanceOf(doc).forEach((status, userId) => {
    attendance[Number(userId)] = status;
  });
  return {
    ...readMeta(doc),
    agenda: readAgenda(doc),
    attendance,
    declarations: declarationsOf(doc)
      .toArray()
      .map((declaration) => plainEntries(declaration) as Declaration),
  };
}

export type { AgendaTemplateItem };

/**
 * A decision's words after "RESOLVED", for the minutes: "that …" is added
 * unless the chair already wrote it, and a decision never finished gives ''.
 */
export function resolutionWording(text: string): string {
  const words = text.replace(/^\s*resolved\b[:,]?\s*/i, '').trim();
  if (words === '' || /^that$/i.test(words)) return '';
  return /^that\b/i.test(words) ? words : `that ${words}`;
}

/**
 * Adds one agenda item, at the end of the running order unless `order` places
 * it elsewhere; returns its id.
 */
export function addAgendaItem(doc: Y.Doc, template: AgendaTemplateItem, itemId: string = newId(), order?: number): string {
  const agenda = agendaOf(doc);
  const last = order !== undefined ? order - 1 : Math.max(0, ...[...agenda.values()].map((item) => Number(item.get('order')) || 0));
  const item = new Y.Map<unknown>();
  doc.transact(() => {
    agenda.set(itemId, item);
    item.set('id', itemId);
    item.set('title', template.title);
    item.set('presenter', template.presenter ?? '');
    item.set('minutesAllotted', template.minutesAllotted);
    item.set('partTwo', false);
    item.set('order', last + 1);
    item.set('minutes', new Y.Text());
    item.set('decisions', new Y.Array());
  });
  return itemId;
}

/** Writes a new meeting's initial content: its status and its agenda. */
export function initialiseMeetingDoc(doc: Y.Doc, status: MeetingStatus, agenda: readonly AgendaTemplateItem[]): void {
  doc.transact(() => {
    const meta = metaOf(doc);
    meta.set('status', status);
    meta.set('currentItemId', null);
    meta.set('timerStartedAt', null);
    attendanceOf(doc);
    declarationsOf(doc);
    for (const item of agenda) addAgendaItem(doc, item);
  });
}
