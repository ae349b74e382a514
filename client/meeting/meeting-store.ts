/**
 * A meeting's live document behind one object, with no Lit in it: snapshots
 * read once per Yjs transaction (however many elements ask), the workspace's
 * edits as methods, and `subscribe` for whoever shows it. Elements receive a
 * store, never the `Y.Doc`; `MeetingController` turns its changes into updates.
 */
import * as Y from 'yjs';
import { metaOf, readMeetingDoc, type AgendaItem, type AttendanceStatus, type MeetingSnapshot } from '../../shared/meeting-doc.js';
import type { ExemptionParagraph } from '../../shared/minutes-lifecycle.js';
import { setExemptionParagraph } from './exemption-edits.js';
import * as edits from './meeting-edits.js';
import * as minutesEdits from './minutes-edits.js';

export type MeetingListener = () => void;

export class MeetingStore {
  private readonly listeners = new Set<MeetingListener>();
  /** Bumped by every transaction that changed something; snapshots are cached against it. */
  private version = 0;
  private cached: { version: number; snapshot: MeetingSnapshot; byId: Map<string, AgendaItem> } | null = null;

  constructor(
    /** The meeting's live document; only the store and its tests touch it. */
    readonly doc: Y.Doc,
  ) {
    doc.on('afterTransaction', this.onTransaction);
  }

  /** Stops listening to the document; listeners hear nothing more. */
  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.listeners.clear();
  }

  /** Calls `listener` after every change to the document; returns the call that stops it. */
  subscribe(listener: MeetingListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private readonly onTransaction = (transaction: Y.Transaction) => {
    if (transaction.changed.size === 0 && transaction.deleteSet.clients.size === 0) return;
    this.version++;
    for (const listener of [...this.listeners]) listener();
  };

  private read() {
    if (this.cached?.version !== this.version) {
      const snapshot = readMeetingDoc(this.doc);
      this.cached = { version: this.version, snapshot, byId: new Map(snapshot.agenda.map((item) => [item.id, item])) };
    }
    return this.cached;
  }

  /** The whole meeting as it stands (the same object until the document changes). */
  get snapshot(): MeetingSnapshot {
    return this.read().snapshot;
  }

  /** The agenda in running order. */
  get agenda(): AgendaItem[] {
    return this.snapshot.agenda;
  }

  item(itemId: string): AgendaItem | undefined {
    return this.read().byId.get(itemId);
  }

  /** False until the server's copy (or a local one) has arrived: a new document has no status yet. */
  get loaded(): boolean {
    return metaOf(this.doc).has('status');
  }

  // ── Edits (see meeting-edits.ts; each throws InvalidEdit for a change the rules would refuse) ──

  addItem(item: edits.NewAgendaItem, afterItemId: string | null = null): string {
    return edits.addItem(this.doc, item, afterItemId);
  }
  renameItem(itemId: string, title: string): void {
    edits.renameItem(this.doc, itemId, title);
  }
  moveItem(itemId: string, direction: -1 | 1): boolean {
    return edits.moveItem(this.doc, itemId, direction);
  }
  removeItem(itemId: string, options: { runsMeeting: boolean }): void {
    edits.removeItem(this.doc, itemId, options);
  }
  makeCurrent(itemId: string | null): void {
    edits.makeCurrent(this.doc, itemId);
  }
  startTimer(now = new Date()): void {
    edits.startTimer(this.doc, now);
  }
  stopTimer(): void {
    edits.stopTimer(this.doc);
  }
  /** The Schedule 12A paragraph a Part II item is exempt under; null when not chosen. */
  setExemptionParagraph(itemId: string, paragraph: ExemptionParagraph | null): void {
    setExemptionParagraph(this.doc, itemId, paragraph);
  }
  setAttendance(userId: number, status: AttendanceStatus): void {
    edits.setAttendance(this.doc, userId, status);
  }
  addDecision(itemId: string): string {
    return edits.addDecision(this.doc, itemId);
  }
  removeDecision(itemId: string, decisionId: string): void {
    edits.removeDecision(this.doc, itemId, decisionId);
  }
  setDecisionText(itemId: string, decisionId: string, text: string): void {
    edits.setDecisionText(this.doc, itemId, decisionId, text);
  }
  /** A decision's live text for a textarea binding; `upgrade` turns an old plain-string decision into live text. */
  decisionText(itemId: string, decisionId: string, options?: { upgrade?: boolean }): Y.Text | null {
    return edits.decisionTextOf(this.doc, itemId, decisionId, options);
  }
  addDeclaration(declaration: edits.NewDeclaration): string {
    return edits.addDeclaration(this.doc, declaration);
  }
  removeDeclaration(declarationId: string): void {
    edits.removeDeclaration(this.doc, declarationId);
  }
  /** An item's live minutes text for a textarea binding. */
  minutesText(itemId: string): Y.Text | null {
    return minutesEdits.minutesTextOf(this.doc, itemId);
  }
  replaceMinutesRange(itemId: string, start: number, end: number, line: string): void {
    minutesEdits.replaceMinutesRange(this.doc, itemId, start, end, line);
  }
  replaceInMinutes(itemId: string, placeholder: string, text: string): boolean {
    return minutesEdits.replaceInMinutes(this.doc, itemId, placeholder, text);
  }
}

const stores = new WeakMap<Y.Doc, MeetingStore>();

/** The one store of a document, so every page and element showing it shares its snapshots. */
export function meetingStoreFor(doc: Y.Doc): MeetingStore {
  let store = stores.get(doc);
  if (!store) stores.set(doc, (store = new MeetingStore(doc)));
  return store;
}
