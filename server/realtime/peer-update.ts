/** Applying a peer's update to a room's document, and reading off what it did, for the room to judge. */
import * as Y from 'yjs';
import type { DocIssue } from '../../shared/doc-validation.js';
import type { DocumentAccess, Refusal } from '../../shared/realtime-protocol.js';
import { refusedContent } from './update-content.js';

export interface AppliedUpdate {
  /** The update could not be read; the document may hold part of it. */
  unreadable: boolean;
  /** It added or deleted something the document did not have. */
  changed: boolean;
  /** It left structs waiting for changes the document does not have. */
  pending: boolean;
  /** The types it changed, for a kind's quick checks. */
  changedTypes: Set<Y.AbstractType<any>>;
  /** Why it holds content of a kind no document of ours uses, if it does. */
  refusedContent: string | undefined;
}

/**
 * The update being applied to each document, for its one `afterTransaction`
 * watcher to fill in. Watching once per document, rather than subscribing and
 * unsubscribing around every keystroke, keeps that bookkeeping off the path.
 */
const inspecting = new WeakMap<Y.Doc, { current: AppliedUpdate | undefined }>();

function inspectionOf(doc: Y.Doc): { current: AppliedUpdate | undefined } {
  let inspection = inspecting.get(doc);
  if (!inspection) {
    const slot: { current: AppliedUpdate | undefined } = { current: undefined };
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      const applied = slot.current;
      if (!applied) return; // the server's own change, judged by its caller
      for (const type of transaction.changed.keys()) applied.changedTypes.add(type);
      applied.changed ||= transaction.deleteSet.clients.size > 0 || !sameState(transaction.beforeState, transaction.afterState);
      // Now, while content the same update deleted is still there to see.
      applied.refusedContent ??= refusedContent(transaction);
    });
    inspecting.set(doc, slot);
    inspection = slot;
  }
  return inspection;
}

export function applyAndInspect(doc: Y.Doc, update: Uint8Array, origin: unknown): AppliedUpdate {
  const applied: AppliedUpdate = { unreadable: false, changed: false, pending: false, changedTypes: new Set(), refusedContent: undefined };
  const inspection = inspectionOf(doc);
  inspection.current = applied;
  try {
    Y.applyUpdate(doc, update, origin);
  } catch {
    applied.unreadable = true;
  } finally {
    inspection.current = undefined;
  }
  applied.pending = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  return applied;
}

/** Why an applied update that changed something is refused whatever the kind's rules say, if it is. */
export function refusalOf(applied: AppliedUpdate, access: DocumentAccess): Refusal | undefined {
  if (applied.unreadable) return { code: 'invalid_update', message: 'The update could not be read' };
  if (access !== 'edit') return { code: 'write_refused', message: 'You can read this document but not change it' };
  if (applied.pending) return { code: 'invalid_update', message: 'The update depends on changes the server does not have' };
  if (applied.refusedContent !== undefined) return { code: 'invalid_update', message: applied.refusedContent };
  return undefined;
}

/** True when an update changed texts alone: typing, which every kind checks the quick way. */
export function changedOnlyTexts(changed: ReadonlySet<Y.AbstractType<any>>): boolean {
  if (changed.size === 0) return false;
  for (const type of changed) if (!(type instanceof Y.Text)) return false;
  return true;
}

/** True for an update that adds and deletes nothing (what a peer with no changes answers step 1 with). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}

/** True for the state vector of a peer that holds nothing of the document. */
export function holdsNothing(stateVector: Uint8Array): boolean {
  try {
    return [...Y.decodeStateVector(stateVector).values()].every((clock) => clock === 0);
  } catch {
    return false; // unreadable: left to the usual path
  }
}

function sameState(before: Map<number, number>, after: Map<number, number>): boolean {
  if (before.size !== after.size) return false;
  for (const [client, clock] of after) if (before.get(client) !== clock) return false;
  return true;
}

/** A refusal message naming the first few rules an update broke. */
export function describeIssues(issues: DocIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  return `The change was refused: ${shown.join('; ')}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''}`;
}

/** The refusal of an update that would take a document past `limitBytes` in storage. */
export function documentFull(limitBytes: number): Refusal {
  const limit = limitBytes >= 1024 * 1024 ? `${Math.round(limitBytes / (1024 * 1024))} MiB` : `${Math.round(limitBytes / 1024)} KiB`;
  return { code: 'invalid_update', message: `The document is full: this change would take it past its storage limit of ${limit}` };
}
