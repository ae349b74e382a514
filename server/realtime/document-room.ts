import { setImmediate as nextTurn } from 'node:timers/promises';
import * as Y from 'yjs';
import { REALTIME_LIMITS } from '../../shared/limits.js';
import { REFUSAL_CLOSE_CODES, type Refusal } from '../../shared/realtime-protocol.js';
import { ServerChangeRefusedError, type DocumentKind } from './document-kind.js';
import type { DocumentStore } from './document-store.js';
import { DEFAULT_PROJECT_AFTER_MS, DEFAULT_PROJECT_WITHIN_MS, ProjectionSchedule } from './projection-schedule.js';
import type { RoomConnection, TransactionOrigin } from './room-connection.js';
import { RoomDocument } from './room-document.js';
import { RoomPresence } from './room-presence.js';
import { StoredLog } from './stored-log.js';
import { TaskQueue } from './task-queue.js';
import { appliedAsRead, typingAhead } from './keystroke.js';
import { applyAndInspect, describeIssues, documentFull, isEmptyUpdate, refusalOf } from './peer-update.js';
import { decodeMessage, encodeRefusal, encodeUpdate } from './wire.js';

export interface DocumentRoomOptions {
  name: string;
  kind: DocumentKind;
  store: DocumentStore;
  /** Compact into a snapshot once this many updates follow the last one. */
  compactAfter?: number;
  /** The pause in editing after which accepted changes are mirrored into SQL. */
  projectAfterMs?: number;
  /** The longest an accepted change waits to be mirrored while editing goes on without a pause. */
  projectWithinMs?: number;
  /** Most the document may take in storage; see `REALTIME_LIMITS.documentBytes`. */
  maxDocumentBytes?: number;
  log?: (message: string, error?: unknown) => void;
}

/** Updates after which a document's log is folded into a snapshot. */
export const DEFAULT_COMPACT_AFTER = 500;

/**
 * A loaded document and the peers editing it. Every message is handled in
 * arrival order; an update is applied, checked against the sender's rights and
 * the document's rules, stored, and only then sent to the other peers. A
 * refused update is undone by reloading the document from storage, which
 * never held it.
 */
export class DocumentRoom {
  readonly name: string;
  readonly connections = new Set<RoomConnection>();
  private readonly presence = new RoomPresence<RoomConnection>(this.connections);
  private readonly kind: DocumentKind;
  private readonly stored: StoredLog;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly queue = new TaskQueue();
  private readonly document: RoomDocument;
  private readonly projection: ProjectionSchedule;
  /** The kind's capture of the document as it now is, while it holds (see `DocumentKind.captureOutlives`). */
  private captured: { before: unknown } | undefined;

  private constructor(options: DocumentRoomOptions) {
    const { name, kind, store, compactAfter = DEFAULT_COMPACT_AFTER, projectAfterMs = DEFAULT_PROJECT_AFTER_MS, projectWithinMs = DEFAULT_PROJECT_WITHIN_MS, log = console.error } = options;
    this.name = name;
    this.kind = kind;
    this.stored = new StoredLog({
      name,
      store,
      compactAfter,
      maxDocumentBytes: options.maxDocumentBytes ?? REALTIME_LIMITS.documentBytes,
    });
    this.document = new RoomDocument(this.stored);
    this.log = log;
    this.projection = new ProjectionSchedule({
      delayMs: projectAfterMs,
      maxDelayMs: Math.max(projectAfterMs, projectWithinMs),
      // Read in turn with the messages, so a projection never sees a peer's
      // update that is still being checked (and may yet be undone); the SQL
      // writing itself goes on outside the queue.
      project: (editorIds) =>
        new Promise<void>((resolve, reject) => {
          this.schedule(async () => {
            this.kind.project({ docName: this.name, doc: this.doc, editorIds }).then(resolve, reject);
          });
        }),
      log: (message, error) => log(`room ${name}: ${message}`, error),
    });
  }

  static async load(options: DocumentRoomOptions): Promise<DocumentRoom> {
    const room = new DocumentRoom(options);
    await room.reload();
    // A long tail (from before compaction existed, or a crash) is folded now, so the next load is quick.
    if (room.stored.dueForCompaction) room.schedule(() => room.compact());
    return room;
  }

  /** The document, built from the stored snapshot on first use. */
  get doc(): Y.Doc {
    return this.document.doc;
  }

  private async reload(): Promise<void> {
    this.captured = undefined;
    await this.document.reload();
  }

  join(connection: RoomConnection): void {
    this.connections.add(connection);
    this.schedule(async () => {
      connection.send(this.document.syncStep1());
      this.presence.sendAll(connection, { evenIfNobody: false });
    });
  }

  leave(connection: RoomConnection): void {
    if (!this.connections.delete(connection)) return;
    this.presence.release(connection);
  }

  receive(connection: RoomConnection, data: Uint8Array): void {
    this.schedule(() => this.handleMessage(connection, data));
  }

  /**
   * Applies a change made by the server itself (status, initial content),
   * storing it like any other. Rejects with `ServerChangeRefusedError`, having
   * stored nothing, if the change leaves the document breaking its rules.
   * `onBehalfOf` is the user whose request it carries out (a progress update
   * posted over the API), so the history names them.
   */
  change(mutate: (doc: Y.Doc) => void, onBehalfOf: number | null = null): Promise<void> {
    return this.queue.run(() => this.applyServerChange(mutate, onBehalfOf));
  }

  private async applyServerChange(mutate: (doc: Y.Doc) => void, onBehalfOf: number | null = null): Promise<void> {
    this.captured = undefined;
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    this.doc.on('update', collect);
    try {
      this.doc.transact(() => mutate(this.doc), { kind: 'server' } satisfies TransactionOrigin);
    } catch (error) {
      this.doc.off('update', collect);
      await this.reload(); // storage never held what it did before it failed
      throw error;
    } finally {
      this.doc.off('update', collect);
    }
    if (updates.length === 0) return;
    const issues = await this.kind.check({ docName: this.name, doc: this.doc });
    if (issues.length > 0) {
      await this.reload(); // as `undo` does: storage never held the change
      throw new ServerChangeRefusedError(issues);
    }
    for (const update of updates) await this.accept(update, null, onBehalfOf);
  }

  /** Waits for every queued message and pending projection. */
  async settle(): Promise<void> {
    await this.queue.idle();
    await this.projection.flush();
  }

  /** Stores a snapshot and frees memory; the room must be empty. */
  async unload(): Promise<void> {
    await this.settle();
    await this.compact();
    this.presence.destroy();
    this.document.destroy();
  }

  /** Queues work that nobody awaits; a failure is logged. */
  private schedule(task: () => Promise<void>): void {
    this.queue.run(task).catch((error: unknown) => this.log(`room ${this.name}: task failed`, error));
  }

  private async handleMessage(connection: RoomConnection, data: Uint8Array): Promise<void> {
    if (!this.connections.has(connection)) return;
    let message;
    try {
      message = decodeMessage(data);
    } catch {
      this.refuse(connection, { code: 'invalid_update', message: 'The message could not be read' });
      return;
    }
    switch (message.type) {
      case 'sync-step-1':
        connection.send(this.document.syncStep2(message.stateVector));
        return;
      case 'update':
        await this.applyPeerUpdate(connection, message.update);
        return;
      case 'awareness':
        try {
          this.presence.receive(connection, message.update);
        } catch {
          this.refuse(connection, { code: 'invalid_update', message: 'The presence update could not be read' });
        }
        return;
      case 'query-awareness':
        this.presence.sendAll(connection, { evenIfNobody: false });
        return;
    }
  }

  private async applyPeerUpdate(connection: RoomConnection, update: Uint8Array): Promise<void> {
    if (!this.document.isBuilt && isEmptyUpdate(update)) return; // a fresh peer's answer to step 1: no reason to build the document
    if (await this.acceptTypingAhead(connection, update)) return;
    // Before calling a document full, fold its log: "full" means what it holds, not values since replaced.
    if (this.stored.wouldOverfill(update) && this.stored.hasTail) await this.compact();
    const before = this.captured?.before ?? this.kind.capture({ doc: this.doc });
    this.captured = undefined; // until this update is judged
    const applied = applyAndInspect(this.doc, update, { kind: 'connection', connection } satisfies TransactionOrigin);
    if (!applied.unreadable && !applied.changed && !applied.pending) {
      this.captured = { before }; // nothing new, e.g. a read-only peer's sync reply
      return;
    }
    const refusal = refusalOf(applied, connection.access) ?? (this.stored.wouldOverfill(update) ? documentFull(this.stored.maxDocumentBytes) : undefined);
    if (refusal) return this.undo(connection, refusal);
    const issues = this.kind.validate({ doc: this.doc, before, context: connection.context, changed: applied.changedTypes });
    if (issues.length > 0) {
      await this.undo(connection, { code: 'invalid_update', message: describeIssues(issues) });
      return;
    }
    if (this.kind.captureOutlives?.(applied.changedTypes)) this.captured = { before };
    await this.accept(update, connection, connection.userId);
    await this.followUp(connection);
  }

  /**
   * Plain typing (`keystroke.ts`), judged by the kind's typing rules before
   * it is applied, is stored and sent on first, so peers do not wait for Yjs
   * to apply it. False, having changed nothing, for any other update or one
   * the rules refuse: the usual path then judges it.
   */
  private async acceptTypingAhead(connection: RoomConnection, update: Uint8Array): Promise<boolean> {
    if (!this.kind.validateTyping || connection.access !== 'edit' || this.stored.wouldOverfill(update)) return false;
    const typing = typingAhead(this.doc, update);
    if (!typing) return false;
    const before = this.captured?.before ?? this.kind.capture({ doc: this.doc });
    this.captured = { before }; // nothing is applied yet, so it holds for the usual path too
    if (this.kind.validateTyping({ doc: this.doc, before, context: connection.context, typing }).length > 0) return false;
    this.captured = undefined;
    this.storeAndSend(update, connection, connection.userId);
    // Applied a turn later, with this room's later messages waiting behind it: keystrokes
    // that reached other rooms in the same read are then sent before this one is applied.
    await nextTurn();
    const lengthBefore = typing.text.length;
    const applied = applyAndInspect(this.doc, update, { kind: 'connection', connection } satisfies TransactionOrigin);
    if (appliedAsRead(applied, typing, lengthBefore)) {
      if (this.kind.captureOutlives?.(applied.changedTypes)) this.captured = { before };
      await this.afterAccepting(connection.userId);
    } else {
      // Only a mistake in reading typing gets here; what is stored is the truth, so the document is rebuilt from it.
      this.log(`room ${this.name}: typing applied otherwise than it read; reloaded from storage`);
      await this.reload();
      this.projection.changed(connection.userId);
    }
    await this.followUp(connection);
    return true;
  }

  /** The kind's follow-up to a peer's accepted update (e.g. numbering a new action), applied as the server's own change. */
  private async followUp(connection: RoomConnection): Promise<void> {
    const followUp = this.kind.complete?.({ doc: this.doc, context: connection.context });
    if (followUp) await this.applyServerChange(followUp);
  }

  /** Stores an accepted update, then sends it to every other peer. */
  private async accept(update: Uint8Array, sender: RoomConnection | null, userId: number | null): Promise<void> {
    this.storeAndSend(update, sender, userId);
    await this.afterAccepting(userId);
  }

  private storeAndSend(update: Uint8Array, sender: RoomConnection | null, userId: number | null): void {
    this.stored.append(update, userId);
    const message = encodeUpdate(update);
    for (const peer of this.connections) if (peer !== sender) peer.send(message);
  }

  /** Once the document holds an accepted update: folds the log when due, and schedules the projection. */
  private async afterAccepting(userId: number | null): Promise<void> {
    const compaction = this.stored.appended(this.doc);
    if (compaction) await compaction;
    this.projection.changed(userId);
  }

  private async compact(): Promise<void> {
    if (!this.document.isBuilt) return; // the stored snapshot is all of it
    await this.stored.compact(this.doc);
  }

  private async undo(connection: RoomConnection, refusal: Refusal): Promise<void> {
    await this.reload();
    this.refuse(connection, refusal);
  }

  private refuse(connection: RoomConnection, refusal: Refusal): void {
    connection.send(encodeRefusal(refusal));
    connection.close(REFUSAL_CLOSE_CODES[refusal.code], refusal.code);
    this.leave(connection);
  }
}
