import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocIssue } from '../../shared/doc-validation.js';
import { CLOSE_CODES, type DocumentAccess, type PresenceUser, type Refusal } from '../../shared/realtime-protocol.js';
import type { DocumentKind } from './document-kind.js';
import type { DocumentStore } from './document-store.js';
import { decodeMessage, encodeAwareness, encodeRefusal, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './wire.js';

/** One peer's socket as a room sees it. */
export interface RoomConnection {
  readonly userId: number;
  /** The session it was opened with; signing out closes it. */
  readonly sessionToken: string;
  readonly user: PresenceUser;
  access: DocumentAccess;
  context: unknown;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Who made a change: a peer, or the server itself (tells observers which is which). */
export type TransactionOrigin = { kind: 'connection'; connection: RoomConnection } | { kind: 'server' };

export interface DocumentRoomOptions {
  name: string;
  kind: DocumentKind;
  store: DocumentStore;
  /** Compact into a snapshot once this many updates follow the last one. */
  compactAfter?: number;
  /** Delay before mirroring accepted changes into SQL. */
  projectAfterMs?: number;
  log?: (message: string, error?: unknown) => void;
}

/** Updates after which a document's log is folded into a snapshot. */
export const DEFAULT_COMPACT_AFTER = 500;

const refusalCloseCode = { write_refused: CLOSE_CODES.writeRefused, invalid_update: CLOSE_CODES.invalidUpdate } as const;

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
  doc!: Y.Doc;
  awareness!: awarenessProtocol.Awareness;
  private readonly kind: DocumentKind;
  private readonly store: DocumentStore;
  private readonly compactAfter: number;
  private readonly projectAfterMs: number;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly awarenessClients = new Map<RoomConnection, Set<number>>();
  /** Users whose updates arrived since the last projection, for the history it writes. */
  private readonly editorsSinceProjection = new Set<number>();
  private tailLength = 0;
  /** The last stored update the in-memory document holds. */
  private lastUpdateId = 0;
  private queue: Promise<void> = Promise.resolve();
  private projectionTimer: ReturnType<typeof setTimeout> | undefined;
  private projection: Promise<void> = Promise.resolve();

  private constructor({ name, kind, store, compactAfter = DEFAULT_COMPACT_AFTER, projectAfterMs = 500, log = console.error }: DocumentRoomOptions) {
    this.name = name;
    this.kind = kind;
    this.store = store;
    this.compactAfter = compactAfter;
    this.projectAfterMs = projectAfterMs;
    this.log = log;
  }

  static async load(options: DocumentRoomOptions): Promise<DocumentRoom> {
    const room = new DocumentRoom(options);
    await room.reload();
    // Awareness only needs a doc for its client id, and destroys itself with
    // that doc; give it its own so reloading the document keeps presence.
    room.awareness = new awarenessProtocol.Awareness(new Y.Doc());
    room.awareness.setLocalState(null); // the server is a peer with no presence of its own
    room.awareness.on('update', room.onAwarenessUpdate);
    // A long tail (from before compaction existed, or a crash) is folded now, so the next load is quick.
    if (room.tailLength >= room.compactAfter) void room.enqueue(() => room.compact());
    return room;
  }

  private async reload(): Promise<void> {
    const { doc, tailLength, lastUpdateId } = await this.store.load(this.name);
    const previous = this.doc;
    this.doc = doc;
    this.tailLength = tailLength;
    this.lastUpdateId = lastUpdateId;
    previous?.destroy();
  }

  join(connection: RoomConnection): void {
    this.connections.add(connection);
    this.awarenessClients.set(connection, new Set());
    this.enqueue(async () => {
      connection.send(encodeSyncStep1(this.doc));
      const present = [...this.awareness.getStates().keys()];
      if (present.length > 0) connection.send(encodeAwareness(this.awareness, present));
    });
  }

  leave(connection: RoomConnection): void {
    if (!this.connections.delete(connection)) return;
    const clients = [...(this.awarenessClients.get(connection) ?? [])];
    this.awarenessClients.delete(connection);
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, null);
  }

  receive(connection: RoomConnection, data: Uint8Array): void {
    this.enqueue(() => this.handleMessage(connection, data));
  }

  /** Applies a change made by the server itself (status, initial content), storing it like any other. */
  change(mutate: (doc: Y.Doc) => void): Promise<void> {
    return this.enqueue(() => this.applyServerChange(mutate));
  }

  private async applyServerChange(mutate: (doc: Y.Doc) => void): Promise<void> {
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    this.doc.on('update', collect);
    try {
      this.doc.transact(() => mutate(this.doc), { kind: 'server' } satisfies TransactionOrigin);
    } finally {
      this.doc.off('update', collect);
    }
    for (const update of updates) await this.accept(update, null, null);
  }

  /** Waits for every queued message and pending projection. */
  async settle(): Promise<void> {
    await this.queue;
    if (this.projectionTimer) {
      clearTimeout(this.projectionTimer);
      this.projectionTimer = undefined;
      this.runProjection();
    }
    await this.projection;
  }

  /** Stores a snapshot and frees memory; the room must be empty. */
  async unload(): Promise<void> {
    await this.settle();
    await this.compact();
    this.awareness.doc.destroy();
    this.doc.destroy();
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task).catch((error: unknown) => this.log(`room ${this.name}: task failed`, error));
    this.queue = run;
    return run;
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
        connection.send(encodeSyncStep2(this.doc, message.stateVector));
        return;
      case 'update':
        await this.applyPeerUpdate(connection, message.update);
        return;
      case 'awareness':
        try {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, connection);
        } catch {
          this.refuse(connection, { code: 'invalid_update', message: 'The presence update could not be read' });
        }
        return;
      case 'query-awareness':
        connection.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
        return;
    }
  }

  private async applyPeerUpdate(connection: RoomConnection, update: Uint8Array): Promise<void> {
    const before = this.kind.capture({ doc: this.doc });
    const changedTypes = new Set<Y.AbstractType<any>>();
    let changed = false;
    const watch = (transaction: Y.Transaction) => {
      for (const type of transaction.changed.keys()) changedTypes.add(type);
      changed ||= transaction.deleteSet.clients.size > 0 || !sameState(transaction.beforeState, transaction.afterState);
    };
    this.doc.on('afterTransaction', watch);
    let applyError: unknown;
    try {
      Y.applyUpdate(this.doc, update, { kind: 'connection', connection } satisfies TransactionOrigin);
    } catch (error) {
      applyError = error;
    } finally {
      this.doc.off('afterTransaction', watch);
    }
    if (applyError !== undefined) {
      await this.undo(connection, { code: 'invalid_update', message: 'The update could not be read' });
      return;
    }
    const pending = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
    if (!changed && !pending) return; // nothing new, e.g. a read-only peer's sync reply
    if (connection.access !== 'edit') {
      await this.undo(connection, { code: 'write_refused', message: 'You can read this document but not change it' });
      return;
    }
    if (pending) {
      await this.undo(connection, { code: 'invalid_update', message: 'The update depends on changes the server does not have' });
      return;
    }
    const issues = this.kind.validate({ doc: this.doc, before, context: connection.context, changed: changedTypes });
    if (issues.length > 0) {
      await this.undo(connection, { code: 'invalid_update', message: describeIssues(issues) });
      return;
    }
    await this.accept(update, connection, connection.userId);
    const followUp = this.kind.complete?.({ doc: this.doc, context: connection.context });
    if (followUp) await this.applyServerChange(followUp);
  }

  /** Stores an accepted update, then sends it to every other peer. */
  private async accept(update: Uint8Array, sender: RoomConnection | null, userId: number | null): Promise<void> {
    this.lastUpdateId = await this.store.append(this.name, update, userId);
    const message = encodeUpdate(update);
    for (const peer of this.connections) if (peer !== sender) peer.send(message);
    this.tailLength += 1;
    if (userId !== null) this.editorsSinceProjection.add(userId);
    if (this.tailLength >= this.compactAfter) await this.compact();
    this.scheduleProjection();
  }

  private async compact(): Promise<void> {
    await this.store.compact(this.name, this.doc, this.lastUpdateId);
    this.tailLength = 0;
  }

  private async undo(connection: RoomConnection, refusal: Refusal): Promise<void> {
    await this.reload();
    this.refuse(connection, refusal);
  }

  private refuse(connection: RoomConnection, refusal: Refusal): void {
    connection.send(encodeRefusal(refusal));
    connection.close(refusalCloseCode[refusal.code as keyof typeof refusalCloseCode] ?? CLOSE_CODES.invalidUpdate, refusal.code);
    this.leave(connection);
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const connection = origin as RoomConnection | null;
    const owned = connection ? this.awarenessClients.get(connection) : undefined;
    if (owned) {
      // Presence shows who someone is from their session, never from what their client claims.
      for (const clientId of [...added, ...updated]) {
        owned.add(clientId);
        const state = this.awareness.getStates().get(clientId);
        if (state) state.user = connection!.user;
      }
      for (const clientId of removed) owned.delete(clientId);
    }
    const changed = [...added, ...updated, ...removed];
    const message = encodeAwareness(this.awareness, changed);
    for (const peer of this.connections) peer.send(message);
  };

  private scheduleProjection(): void {
    if (this.projectionTimer) return;
    this.projectionTimer = setTimeout(() => {
      this.projectionTimer = undefined;
      this.runProjection();
    }, this.projectAfterMs);
  }

  private runProjection(): void {
    const editorIds = [...this.editorsSinceProjection];
    this.editorsSinceProjection.clear();
    this.projection = this.projection
      .then(() => this.kind.project({ docName: this.name, doc: this.doc, editorIds }))
      .catch((error: unknown) => this.log(`room ${this.name}: projection failed`, error));
  }
}

function sameState(before: Map<number, number>, after: Map<number, number>): boolean {
  if (before.size !== after.size) return false;
  for (const [client, clock] of after) if (before.get(client) !== clock) return false;
  return true;
}

function describeIssues(issues: DocIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  return `The change was refused: ${shown.join('; ')}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''}`;
}
