/**
 * The rules every meeting document keeps, whoever edits it: its shape, its
 * limits and its ids. The server runs `validateMeetingDoc` after each update
 * (and `validateTyping`, the quick check, after plain typing); who may change
 * which part is `meeting-doc-rules.ts`.
 */
import * as Y from 'yjs';
import { lengthOnceTyped, plainEntries, zodIssues, type DocIssue, type UnappliedTyping } from './doc-validation.js';
import {
  agendaItemFields,
  agendaOf,
  ATTENDANCE_STATUSES,
  attendanceOf,
  decisionFields,
  declarationFields,
  declarationsOf,
  MEETING_DOC_LIMITS,
  MEETING_ROOTS,
  metaFields,
  metaOf,
  type AttendanceStatus,
} from './meeting-doc.js';

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

  issues.push(...zodIssues('meta', metaFields.safeParse({ currentItemId: null, timerStartedAt: null, minutesStage: 'draft', ...plainEntries(meta) })));
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

/**
 * What a (valid) meeting document's size is made of: the characters that only
 * a change to its structure can change (titles, presenters, interests,
 * decisions stored as strings), and the texts typed into (minutes and
 * decisions), whose lengths typing changes.
 */
export interface MeetingSize {
  fixedCharacters: number;
  texts: readonly Y.Text[];
}

export function measureMeeting(doc: Y.Doc): MeetingSize {
  let fixedCharacters = 0;
  const texts: Y.Text[] = [];
  agendaOf(doc).forEach((item) => {
    if (!(item instanceof Y.Map)) return;
    fixedCharacters += String(item.get('title') ?? '').length + String(item.get('presenter') ?? '').length;
    const minutes = item.get('minutes');
    if (minutes instanceof Y.Text) texts.push(minutes);
    const decisions = item.get('decisions');
    if (decisions instanceof Y.Array) {
      decisions.forEach((decision) => {
        if (!(decision instanceof Y.Map)) return;
        const text = decision.get('text');
        if (text instanceof Y.Text) texts.push(text);
        else fixedCharacters += String(text ?? '').length;
      });
    }
  });
  declarationsOf(doc).forEach((declaration) => {
    if (declaration instanceof Y.Map) fixedCharacters += String(declaration.get('interest') ?? '').length;
  });
  return { fixedCharacters, texts };
}

/** All the text the document holds now, in characters, while its structure is as measured. */
function charactersOf({ fixedCharacters, texts }: MeetingSize): number {
  let characters = fixedCharacters;
  for (const text of texts) characters += text.length;
  return characters;
}

const documentCharacters = (doc: Y.Doc): number => charactersOf(measureMeeting(doc));

/**
 * The quick check for the commonest update, typing into minutes or a
 * decision: when only existing texts changed, the structure is as valid as it
 * was, so only their lengths and the document's size need checking. `size` is
 * the document as measured before the typing began (typing keeps it true, as
 * the texts are the same ones), so no keystroke walks the agenda; without it
 * the document is measured now. With `unapplied`, typing not yet applied is
 * judged as if it were. Who may type where is `meeting-doc-rules.ts`'s
 * `refusedTyping`.
 */
export function validateTyping(
  doc: Y.Doc,
  changedTexts: readonly Y.Text[],
  size: MeetingSize = measureMeeting(doc),
  unapplied?: UnappliedTyping,
): DocIssue[] {
  const issues: DocIssue[] = [];
  for (const text of changedTexts) {
    const place = typedText(doc, text);
    const length = lengthOnceTyped(text, unapplied);
    if (place === null) {
      issues.push({ path: 'agenda', message: 'Only an agenda item’s minutes and decisions are typed into' });
    } else if (place.kind === 'minutes' && length > MEETING_DOC_LIMITS.minutesTextLength) {
      issues.push({ path: `agenda.${place.itemId}.minutes`, message: `are longer than ${MEETING_DOC_LIMITS.minutesTextLength} characters` });
    } else if (place.kind === 'decision' && length > MEETING_DOC_LIMITS.decisionLength) {
      issues.push({ path: `agenda.${place.itemId}.decisions`, message: `A decision can be up to ${MEETING_DOC_LIMITS.decisionLength} characters` });
    }
  }
  if (charactersOf(size) + (unapplied?.characters ?? 0) > MEETING_DOC_LIMITS.documentCharacters) issues.push(documentTooLarge);
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

