/**
 * The live meeting document: its shape, its limits and the rules every update
 * must keep. The server checks each update against `validateMeetingDoc`; the
 * client reads the document with `readMeetingDoc`.
 *
 * The agenda is a map of items keyed by id with a numeric `order`, not an
 * array: moving an item then only changes one number, so someone typing the
 * minutes of an item while the chair moves it loses nothing.
 */
import * as Y from 'yjs';
import * as z from 'zod';
import { docId, newId, plainEntries, zodIssues, type DocIssue } from './doc-validation.js';
import { MEETING_STATUSES, type AgendaTemplateItem, type MeetingStatus } from './meetings.js';

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

export interface MeetingDocRules {
  /** Users who may appear in attendance and declarations. */
  memberIds: ReadonlySet<number>;
}

/**
 * Every way the document breaks its schema. Cheap enough to run after every
 * update: it walks items and reads text lengths, never the text itself.
 */
export function validateMeetingDoc(doc: Y.Doc, { memberIds }: MeetingDocRules): DocIssue[] {
  const issues: DocIssue[] = [];
  const allowedRoots = new Set<string>(Object.values(MEETING_ROOTS));
  for (const name of doc.share.keys()) {
    if (!allowedRoots.has(name)) issues.push({ path: name, message: 'is not part of a meeting document' });
  }
  let meta: Y.Map<unknown>;
  let agenda: Y.Map<Y.Map<unknown>>;
  let attendance: Y.Map<AttendanceStatus>;
  let declarations: Y.Array<Y.Map<unknown>>;
  try {
    meta = metaOf(doc);
    agenda = agendaOf(doc);
    attendance = attendanceOf(doc);
    declarations = declarationsOf(doc);
  } catch {
    return [...issues, { path: '', message: 'a top-level part has the wrong type' }];
  }
  // A map root that was sent list content (or the reverse) keeps it hidden; refuse it.
  for (const root of [meta, agenda, attendance]) if (root._start !== null) issues.push({ path: '', message: 'a map part holds list content' });
  if (declarations._map.size > 0) issues.push({ path: 'declarations', message: 'holds map content' });

  issues.push(...zodIssues('meta', metaFields.safeParse({ currentItemId: null, timerStartedAt: null, ...plainEntries(meta) })));
  meta.forEach((value, key) => {
    if (value instanceof Y.AbstractType) issues.push({ path: `meta.${key}`, message: 'must be a plain value' });
  });

  if (agenda.size > MEETING_DOC_LIMITS.agendaItems) {
    issues.push({ path: 'agenda', message: `has more than ${MEETING_DOC_LIMITS.agendaItems} items` });
  }
  const decisionIds = new Set<unknown>();
  agenda.forEach((item, key) => {
    const path = `agenda.${key}`;
    if (!(item instanceof Y.Map)) {
      issues.push({ path, message: 'must be an agenda item' });
      return;
    }
    const fields = plainEntries(item);
    issues.push(...zodIssues(path, agendaItemFields.safeParse(fields)));
    if (fields.id !== key) issues.push({ path: `${path}.id`, message: 'must match the item’s key' });
    item.forEach((value, field) => {
      if (value instanceof Y.AbstractType && field !== 'minutes' && field !== 'decisions') {
        issues.push({ path: `${path}.${field}`, message: 'is not a field of an agenda item' });
      }
    });
    const minutes = item.get('minutes');
    if (!(minutes instanceof Y.Text)) {
      issues.push({ path: `${path}.minutes`, message: 'must be text' });
    } else {
      if (minutes.length > MEETING_DOC_LIMITS.minutesTextLength) {
        issues.push({ path: `${path}.minutes`, message: `are longer than ${MEETING_DOC_LIMITS.minutesTextLength} characters` });
      }
    }
    const decisions = item.get('decisions');
    if (!(decisions instanceof Y.Array)) {
      issues.push({ path: `${path}.decisions`, message: 'must be a list' });
    } else {
      if (decisions.length > MEETING_DOC_LIMITS.decisionsPerItem) {
        issues.push({ path: `${path}.decisions`, message: `has more than ${MEETING_DOC_LIMITS.decisionsPerItem} decisions` });
      }
      decisions.forEach((decision, index) => {
        if (!(decision instanceof Y.Map)) {
          issues.push({ path: `${path}.decisions.${index}`, message: 'must be a decision' });
          return;
        }
        const plain = plainEntries(decision);
        const text = decision.get('text');
        const live = text instanceof Y.Text;
        // Live text is checked by its length, never read; only `text` may be a Yjs type.
        issues.push(...zodIssues(`${path}.decisions.${index}`, decisionFields.safeParse(live ? { ...plain, text: '' } : plain)));
        if (live && text.length > MEETING_DOC_LIMITS.decisionLength) {
          issues.push({ path: `${path}.decisions.${index}.text`, message: `A decision can be up to ${MEETING_DOC_LIMITS.decisionLength} characters` });
        }
        if (decision.size !== Object.keys(plain).length + (live ? 1 : 0)) {
          issues.push({ path: `${path}.decisions.${index}`, message: 'must hold plain values and its text' });
        }
        if (decisionIds.has(plain.id)) issues.push({ path: `${path}.decisions.${index}.id`, message: 'is used by another decision' });
        decisionIds.add(plain.id);
      });
    }
  });

  attendance.forEach((status, userId) => {
    if (!/^\d+$/.test(userId) || !memberIds.has(Number(userId))) {
      issues.push({ path: `attendance.${userId}`, message: 'is not a member of this body' });
    }
    if (!ATTENDANCE_STATUSES.includes(status)) {
      issues.push({ path: `attendance.${userId}`, message: `must be one of ${ATTENDANCE_STATUSES.join(', ')}` });
    }
  });

  if (declarations.length > MEETING_DOC_LIMITS.declarations) {
    issues.push({ path: 'declarations', message: `has more than ${MEETING_DOC_LIMITS.declarations} entries` });
  }
  const declarationIds = new Set<unknown>();
  declarations.forEach((declaration, index) => {
    const path = `declarations.${index}`;
    if (!(declaration instanceof Y.Map)) {
      issues.push({ path, message: 'must be a declaration' });
      return;
    }
    const plain = plainEntries(declaration);
    issues.push(...zodIssues(path, declarationFields.safeParse(plain)));
    if (declaration.size !== Object.keys(plain).length) issues.push({ path, message: 'must hold plain values' });
    if (declarationIds.has(plain.id)) issues.push({ path: `${path}.id`, message: 'is used by another declaration' });
    declarationIds.add(plain.id);
    if (typeof plain.userId === 'number' && !memberIds.has(plain.userId)) {
      issues.push({ path: `${path}.userId`, message: 'is not a member of this body' });
    }
    if (typeof plain.itemId === 'string' && !agenda.has(plain.itemId)) {
      issues.push({ path: `${path}.itemId`, message: 'is not an item on this agenda' });
    }
  });

  if (documentCharacters(doc) > MEETING_DOC_LIMITS.documentCharacters) issues.push(documentTooLarge);
  return issues;
}

/** All the text a (valid) meeting document holds, in characters. */
function documentCharacters(doc: Y.Doc): number {
  let characters = 0;
  agendaOf(doc).forEach((item) => {
    if (!(item instanceof Y.Map)) return;
    characters += String(item.get('title') ?? '').length + String(item.get('presenter') ?? '').length;
    const minutes = item.get('minutes');
    if (minutes instanceof Y.Text) characters += minutes.length;
    const decisions = item.get('decisions');
    if (decisions instanceof Y.Array) {
      decisions.forEach((decision) => {
        if (!(decision instanceof Y.Map)) return;
        const text = decision.get('text');
        characters += text instanceof Y.Text ? text.length : String(text ?? '').length;
      });
    }
  });
  declarationsOf(doc).forEach((declaration) => {
    if (declaration instanceof Y.Map) characters += String(declaration.get('interest') ?? '').length;
  });
  return characters;
}

/**
 * The quick check for the commonest update, typing into minutes or a
 * decision: when only existing texts changed, the structure is as valid as it
 * was, so only their lengths and the document's size need checking. Who may
 * type where is `meeting-doc-rules.ts`'s `refusedTyping`.
 */
export function validateTyping(doc: Y.Doc, changedTexts: readonly Y.Text[]): DocIssue[] {
  const issues: DocIssue[] = [];
  for (const text of changedTexts) {
    const place = typedText(doc, text);
    if (place === null) {
      issues.push({ path: 'agenda', message: 'Only an agenda item’s minutes and decisions are typed into' });
    } else if (place.kind === 'minutes' && text.length > MEETING_DOC_LIMITS.minutesTextLength) {
      issues.push({ path: `agenda.${place.itemId}.minutes`, message: `are longer than ${MEETING_DOC_LIMITS.minutesTextLength} characters` });
    } else if (place.kind === 'decision' && text.length > MEETING_DOC_LIMITS.decisionLength) {
      issues.push({ path: `agenda.${place.itemId}.decisions`, message: `A decision can be up to ${MEETING_DOC_LIMITS.decisionLength} characters` });
    }
  }
  if (documentCharacters(doc) > MEETING_DOC_LIMITS.documentCharacters) issues.push(documentTooLarge);
  return issues;
}

/** Where a typed text sits: an item's minutes, a decision's words, or (null) anywhere else. */
export function typedText(doc: Y.Doc, text: Y.Text): { kind: 'minutes' | 'decision'; itemId: string } | null {
  const parent = text.parent;
  if (!(parent instanceof Y.Map)) return null;
  if (parent.parent === agendaOf(doc)) {
    return parent.get('minutes') === text ? { kind: 'minutes', itemId: String(parent.get('id')) } : null;
  }
  const decisions = parent.parent;
  const item = decisions?.parent;
  if (parent.get('text') === text && decisions instanceof Y.Array && item instanceof Y.Map && item.parent === agendaOf(doc) && item.get('decisions') === decisions) {
    return { kind: 'decision', itemId: String(item.get('id')) };
  }
  return null;
}

const documentTooLarge: DocIssue = {
  path: '',
  message: `The document is over its size limit of ${MEETING_DOC_LIMITS.documentCharacters} characters`,
};

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
