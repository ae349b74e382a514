import type * as Y from 'yjs';
import { buildDocument, type StoredDocument } from './document-store.js';
import { holdsNothing } from './peer-update.js';
import type { StoredLog } from './stored-log.js';
import { encodeSyncStep1, encodeSyncStep1FromStateVector, encodeSyncStep2, encodeSyncStep2FromState } from './wire.js';

/**
 * A room's document as its peers open it. A cold open answers its first
 * peers from the stored snapshot's bytes, and builds the document (tens of
 * milliseconds for a long history) only once something needs it: a change,
 * a projection, a read.
 */
export class RoomDocument {
  private built: Y.Doc | undefined;
  /** The stored snapshot while the document has not been built from it. */
  private unbuilt: StoredDocument['state'];

  constructor(private readonly stored: StoredLog) {}

  /** The document, built from the stored snapshot on first use. */
  get doc(): Y.Doc {
    if (!this.built) {
      // Only a document loaded from storage lacks one, and it then has the snapshot.
      this.built = buildDocument(this.unbuilt!.update);
      this.unbuilt = undefined;
    }
    return this.built;
  }

  /** Whether the document has been built (else the stored snapshot is all of it). */
  get isBuilt(): boolean {
    return this.built !== undefined;
  }

  /** Loads the document afresh from storage, dropping whatever it held that storage does not. */
  async reload(): Promise<void> {
    const { doc, state } = await this.stored.load();
    const previous = this.built;
    this.built = doc;
    this.unbuilt = state;
    previous?.destroy();
  }

  /** What a joining peer is asked first: what it holds. */
  syncStep1(): Uint8Array {
    return this.unbuilt ? encodeSyncStep1FromStateVector(this.unbuilt.stateVector) : encodeSyncStep1(this.doc);
  }

  /** What a peer holding `stateVector` lacks; one that holds nothing (every fresh page) gets the stored bytes as they are. */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    return this.unbuilt && holdsNothing(stateVector) ? encodeSyncStep2FromState(this.unbuilt.update) : encodeSyncStep2(this.doc, stateVector);
  }

  destroy(): void {
    this.built?.destroy();
  }
}
