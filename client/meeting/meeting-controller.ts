/**
 * Re-renders an element whenever its meeting store or the meeting's presence
 * changes. Elements get the store (and awareness) as properties, and a page
 * may swap in a fresh store after a refusal, so the controller checks on each
 * update which ones it watches, and lets go of them all when the element leaves.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import type { MeetingStore } from './meeting-store.js';

export interface MeetingSource {
  store(): MeetingStore | null | undefined;
  awareness?(): Awareness | null | undefined;
}

export class MeetingController implements ReactiveController {
  private watchedStore: MeetingStore | null = null;
  private watchedAwareness: Awareness | null = null;
  private disposeStore: (() => void) | null = null;
  private disposeAwareness: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: MeetingSource,
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
