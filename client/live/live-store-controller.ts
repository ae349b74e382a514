/**
 * Re-renders an element whenever its live document's store or the document's
 * presence changes. Elements get the store (and awareness) as properties, and
 * a page may swap in a fresh store after a refusal, so the controller checks
 * on each update which ones it watches, and lets go of them all when the
 * element leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Awareness } from 'y-protocols/awareness';

/** What a store per live document offers its views (meeting, action log). */
export interface LiveStore {
  /** Calls the listener after each change; returns how to stop. */
  subscribe(listener: () => void): () => void;
}

export interface LiveStoreSource {
  store(): LiveStore | null | undefined;
  awareness?(): Awareness | null | undefined;
}

export class LiveStoreController implements ReactiveController {
  private watchedStore: LiveStore | null = null;
  private watchedAwareness: Awareness | null = null;
  private disposeStore: (() => void) | null = null;
  private disposeAwareness: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: LiveStoreSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.watch();
  }

  hostUpdate(): void {
    this.watch();
  }

  hostDisconnected(): void {
    this.disposeStore?.();
    this.disposeAwareness?.();
    this.disposeStore = this.disposeAwareness = null;
    this.watchedStore = this.watchedAwareness = null;
  }

  private readonly onChange = () => this.host.requestUpdate();

  private watch(): void {
    const store = this.source.store() ?? null;
    if (store !== this.watchedStore) {
      this.disposeStore?.();
      this.watchedStore = store;
      this.disposeStore = store ? store.subscribe(this.onChange) : null;
    }
    const awareness = this.source.awareness?.() ?? null;
    if (awareness !== this.watchedAwareness) {
      this.disposeAwareness?.();
      this.disposeAwareness = null;
      this.watchedAwareness = awareness;
      if (awareness) {
        awareness.on('change', this.onChange);
        this.disposeAwareness = () => awareness.off('change', this.onChange);
      }
    }
  }
}
