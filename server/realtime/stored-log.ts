import type * as Y from 'yjs';
import { FOLD_AT_ONCE_BYTES, type DocumentStore, type StoredDocument } from './document-store.js';

export interface StoredLogOptions {
  name: string;
  store: DocumentStore;
  /** Compact into a snapshot once this many updates follow the last one. */
  compactAfter: number;
  /** Most the document may take in storage. */
  maxDocumentBytes: number;
}

/**
 * A room's view of its document in storage: the log of updates after the last
 * snapshot, when to fold that log into a new snapshot, and how many bytes the
 * document takes (so an update that would overfill it can be refused).
 */
export class StoredLog {
  readonly maxDocumentBytes: number;
  private readonly name: string;
  private readonly store: DocumentStore;
  private readonly compactAfter: number;
  private tailLength = 0;
  /** The last stored update the in-memory document holds. */
  private lastUpdateId = 0;
  /** Bytes the document takes in storage (snapshot plus log), as the store last reported plus what was appended since. */
  private storedBytes = 0;
  /** Whether an update of at least `FOLD_AT_ONCE_BYTES` was appended since the last compaction (one stored by an earlier server is folded at start-up). */
  private holdsLargeUpdate = false;

  constructor(options: StoredLogOptions) {
    this.name = options.name;
    this.store = options.store;
    this.compactAfter = options.compactAfter;
    this.maxDocumentBytes = options.maxDocumentBytes;
  }

  /**
   * Loads the document from storage, resetting the accounting to match it:
   * built, or as the snapshot's bytes when they hold all of it.
   */
  async load(): Promise<Pick<StoredDocument, 'doc' | 'state'>> {
    const { doc, state, tailLength, lastUpdateId, storedBytes } = await this.store.load(this.name);
    this.tailLength = tailLength;
    this.lastUpdateId = lastUpdateId;
    this.storedBytes = storedBytes;
    return { doc, state };
  }

  /** Whether updates follow the last snapshot. */
  get hasTail(): boolean {
    return this.tailLength > 0;
  }

  /** Whether the log is long enough to be folded into a snapshot. */
  get dueForCompaction(): boolean {
    return this.tailLength >= this.compactAfter;
  }

  wouldOverfill(update: Uint8Array): boolean {
    return this.storedBytes + update.byteLength > this.maxDocumentBytes;
  }

  /** Stores an accepted update, committed when this returns; call `appended` once it has been sent on. */
  append(update: Uint8Array, userId: number | null): void {
    this.store.append(this.name, this.lastUpdateId + 1, update, userId);
    this.lastUpdateId += 1;
    this.storedBytes += update.byteLength;
    this.holdsLargeUpdate ||= update.byteLength >= FOLD_AT_ONCE_BYTES;
  }

  /**
   * Counts an appended update; once the log is long enough, or holds a large
   * update, compacts `doc` (and returns that work to await).
   */
  appended(doc: Y.Doc): Promise<void> | undefined {
    this.tailLength += 1;
    return this.dueForCompaction || this.holdsLargeUpdate ? this.compact(doc) : undefined;
  }

  async compact(doc: Y.Doc): Promise<void> {
    this.storedBytes = await this.store.compact(this.name, doc, this.lastUpdateId);
    this.tailLength = 0;
    this.holdsLargeUpdate = false;
  }
}
