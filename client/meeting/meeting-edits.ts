/**
 * Every change the workspace makes to a meeting document, in the users'
 * terms. Each one keeps the document's rules (shared/meeting-doc.ts), so the
 * server never has cause to refuse it: fields are checked with the same
 * schemas before anything is written, and an edit that would leave another
 * part dangling (a declaration about a removed item) fixes that part too.
 */
import * as Y from 'yjs';
import {
  MEETING_DOC_LIMITS,
  addAgendaItem,
  agendaItemFields,
  agendaOf,
  attendanceOf,
  decisionFields,
  declarationFields,
  declarationsOf,
  metaOf,
  newId,
  readAgenda,
  readMeta,
  type AttendanceStatus,
} from '../../shared/meeting-doc.js';
import { STANDARD_AGENDA_CLOSING } from '../../shared/meetings.js';

import { InvalidEdit } from '../live/index.js';

export { InvalidEdit };

function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return result.success ? undefined : (result.error?.issues[0]?.message ?? 'This is not valid');
}

/** The message for a title the rules would refuse, or undefined if it is fine. */
export function agendaTitleProblem(title: string): string | undefined {
  if (title.trim() === '') return 'Enter a title for the item';
  return firstIssue(agendaItemFields.shape.title.safeParse(title.trim()));
}

export function minutesAllottedProblem(minutes: number): string | undefined {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MEETING_DOC_LIMITS.minutesAllotted) {
    return `Enter a whole number of minutes from 0 to ${MEETING_DOC_LIMITS.minutesAllotted}`;
  }
  return undefined;
}

export function decisionProblem(text: string): string | undefined {
  if (text.length > MEETING_DOC_LIMITS.decisionLength) return `A decision can be up to ${MEETING_DOC_LIMITS.decisionLength} characters`;
  return firstIssue(decisionFields.shape.text.safeParse(text));
}

export function interestProblem(interest: string): string | undefined {
  if (interest.trim() === '') return 'Describe the interest being declared';
  if (interest.trim().length > MEETING_DOC_LIMITS.interestLength) {
    return `An interest can be up to ${MEETING_DOC_LIMITS.interestLength} characters`;
  }
  return firstIssue(declarationFields.shape.interest.safeParse(interest.trim()));
}

function itemOf(doc: Y.Doc, itemId: string): Y.Map<unknown> {
  const item = agendaOf(doc).get(itemId);
  if (!(item instanceof Y.Map)) throw new InvalidEdit('That item is no longer on the agenda');
  return item;
}

function decisionsOf(doc: Y.Doc, itemId: string): Y.Array<Y.Map<unknown>> {
  const decisions = itemOf(doc, itemId).get('decisions');
  if (!(decisions instanceof Y.Array)) throw new InvalidEdit('That item has no decisions list');
  return decisions as Y.Array<Y.Map<unknown>>;
}

export interface NewAgendaItem {
  title: string;
  minutesAllotted: number;
  partTwo: boolean;
}

const CLOSING_TITLES = new Set(STANDARD_AGENDA_CLOSING.map((item) => item.title.toLowerCase()));

/**
 * Where a new item goes: just after `afterItemId` when given, else before the
 * closing items ("Any other business", "Date of next meeting") at the end of
 * the agenda, else last. An order between two neighbours, so nothing else moves.
 */
export function newItemOrder(doc: Y.Doc, afterItemId: string | null = null): number {
  const agenda = readAgenda(doc);
  let index = agenda.findIndex((item) => item.id === afterItemId);
  if (index < 0) {
    index = agenda.length - 1;
    while (index >= 0 && CLOSING_TITLES.has(agenda[index]!.title.trim().toLowerCase())) index--;
  }
  const before = agenda[index]?.order ?? (agenda[0] ? agenda[0].order - 1 : 0);
  const after = agenda[index + 1]?.order;
  return after === undefined ? before + 1 : (before + after) / 2;
}

/** Adds an item (see `newItemOrder` for where); returns its id. */
export function addItem(doc: Y.Doc, { title, minutesAllotted, partTwo }: NewAgendaItem, afterItemId: string | null = null): string {
  const problem = agendaTitleProblem(title) ?? minutesAllottedProblem(minutesAllotted);
  if (problem) throw new InvalidEdit(problem);
  if (agendaOf(doc).size >= MEETING_DOC_LIMITS.agendaItems) {
    throw new InvalidEdit(`An agenda can have up to ${MEETING_DOC_LIMITS.agendaItems} items`);
  }
  let id = '';
  doc.transact(() => {
    const order = newItemOrder(doc, afterItemId);
    id = addAgendaItem(doc, { title: title.trim(), minutesAllotted }, undefined, Number.isFinite(order) ? order : undefined);
    if (partTwo) itemOf(doc, id).set('partTwo', true);
  });
  return id;
}

export function renameItem(doc: Y.Doc, itemId: string, title: string): void {
  const problem = agendaTitleProblem(title);
  if (problem) throw new InvalidEdit(problem);
  const item = itemOf(doc, itemId);
  if (item.get('title') !== title.trim()) item.set('title', title.trim());
}

/**
 * Moves an item one place up (-1) or down (+1) by giving it an order between
 * its new neighbours; only that one number changes, so nobody's typing in the
 * item is disturbed. Returns false when it is already at that end.
 */
export function moveItem(doc: Y.Doc, itemId: string, direction: -1 | 1): boolean {
  const agenda = readAgenda(doc);
  const index = agenda.findIndex((item) => item.id === itemId);
  const target = index + direction;
  if (index < 0 || target < 0 || target >= agenda.length) return false;
  const passed = agenda[target]!.order;
  const beyond = agenda[target + direction]?.order;
  let order = beyond === undefined ? passed + direction : (passed + beyond) / 2;
  doc.transact(() => {
    if (order === passed || order === beyond || !Number.isFinite(order)) {
      // Halving has run out of room (or orders tie): number the whole agenda afresh.
      const renumbered = agenda.map((item) => item.id);
      renumbered.splice(index, 1);
      renumbered.splice(target, 0, itemId);
      renumbered.forEach((id, position) => agendaOf(doc).get(id)?.set('order', position + 1));
      return;
    }
    itemOf(doc, itemId).set('order', order);
  });
  return true;
}

/**
 * Removes an item with its minutes and decisions. Declarations about it become
 * general ones, and if it was the current item (and the editor may say so) the
 * meeting has no current item.
 */
export function removeItem(doc: Y.Doc, itemId: string, { runsMeeting }: { runsMeeting: boolean }): void {
  doc.transact(() => {
    for (const declaration of declarationsOf(doc)) {
      if (declaration.get('itemId') === itemId) declaration.set('itemId', null);
    }
    if (runsMeeting && readMeta(doc).currentItemId === itemId) {
      metaOf(doc).set('currentItemId', null);
      metaOf(doc).set('timerStartedAt', null);
    }
    agendaOf(doc).delete(itemId);
  });
}

/** Chair, vice-chair or secretariat only: the server refuses it from anyone else. */
export function makeCurrent(doc: Y.Doc, itemId: string | null): void {
  doc.transact(() => {
    metaOf(doc).set('currentItemId', itemId);
    metaOf(doc).set('timerStartedAt', null);
  });
}

export function startTimer(doc: Y.Doc, now = new Date()): void {
  metaOf(doc).set('timerStartedAt', now.toISOString());
}

export function stopTimer(doc: Y.Doc): void {
  metaOf(doc).set('timerStartedAt', null);
}

export function setAttendance(doc: Y.Doc, userId: number, status: AttendanceStatus): void {
  if (attendanceOf(doc).get(String(userId)) !== status) attendanceOf(doc).set(String(userId), status);
}

/** Adds an empty decision to an item (its words are typed live, like minutes); returns its id. */
export function addDecision(doc: Y.Doc, itemId: string): string {
  const decisions = decisionsOf(doc, itemId);
  if (decisions.length >= MEETING_DOC_LIMITS.decisionsPerItem) {
    throw new InvalidEdit(`An item can have up to ${MEETING_DOC_LIMITS.decisionsPerItem} decisions`);
  }
  const id = newId();
  const decision = new Y.Map<unknown>();
  doc.transact(() => {
    decisions.push([decision]);
    decision.set('id', id);
    decision.set('text', new Y.Text());
  });
  return id;
}

function findDecision(doc: Y.Doc, itemId: string, decisionId: string): { index: number; decision: Y.Map<unknown> } {
  const decisions = decisionsOf(doc, itemId).toArray();
  const index = decisions.findIndex((decision) => decision.get('id') === decisionId);
  if (index < 0) throw new InvalidEdit('That decision has been removed');
  return { index, decision: decisions[index]! };
}

/**
 * A decision's live text, or null if it has gone. Decisions recorded before
 * they were live hold a plain string; with `upgrade` (someone about to type
 * in it) that string becomes live text with the same words.
 */
export function decisionTextOf(doc: Y.Doc, itemId: string, decisionId: string, { upgrade = false } = {}): Y.Text | null {
  let decision: Y.Map<unknown>;
  try {
    decision = findDecision(doc, itemId, decisionId).decision;
  } catch {
    return null;
  }
  const text = decision.get('text');
  if (text instanceof Y.Text) return text;
  if (!upgrade) return null;
  const live = new Y.Text(typeof text === 'string' ? text : '');
  decision.set('text', live);
  return live;
}

/** Replaces a decision's words (the textarea binding types them; this is for whole rewrites). */
export function setDecisionText(doc: Y.Doc, itemId: string, decisionId: string, text: string): void {
  const problem = decisionProblem(text);
  if (problem) throw new InvalidEdit(problem);
  const live = decisionTextOf(doc, itemId, decisionId, { upgrade: true });
  if (!live) throw new InvalidEdit('That decision has been removed');
  if (live.toString() === text) return;
  doc.transact(() => {
    live.delete(0, live.length);
    live.insert(0, text);
  });
}

export function removeDecision(doc: Y.Doc, itemId: string, decisionId: string): void {
  const { index } = findDecision(doc, itemId, decisionId);
  decisionsOf(doc, itemId).delete(index, 1);
}

export interface NewDeclaration {
  userId: number;
  itemId: string | null;
  interest: string;
}

export function addDeclaration(doc: Y.Doc, { userId, itemId, interest }: NewDeclaration): string {
  const problem = interestProblem(interest);
  if (problem) throw new InvalidEdit(problem);
  if (declarationsOf(doc).length >= MEETING_DOC_LIMITS.declarations) {
    throw new InvalidEdit(`A meeting can have up to ${MEETING_DOC_LIMITS.declarations} declarations`);
  }
  if (itemId !== null) itemOf(doc, itemId);
  const fields = declarationFields.parse({ id: newId(), userId, itemId, interest: interest.trim() });
  const declaration = new Y.Map<unknown>();
  doc.transact(() => {
    declarationsOf(doc).push([declaration]);
    for (const [key, value] of Object.entries(fields)) declaration.set(key, value);
  });
  return fields.id;
}

export function removeDeclaration(doc: Y.Doc, declarationId: string): void {
  const index = declarationsOf(doc)
    .toArray()
    .findIndex((declaration) => declaration.get('id') === declarationId);
  if (index >= 0) declarationsOf(doc).delete(index, 1);
}
