/**
 * Re-renders an element whenever its action log store or presence changes.
 * A page may hand an element a fresh store (after a refusal, say), so the
 * controller checks on every update which ones it should be following, and
 * lets go of them all when the element leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import type { ActionLogStore } from './action-log-store.js';

export interface ActionLogSource {
  store(): ActionLogStore | null | undefined;
  awareness?(): Awareness | null | undefined;
}

export class ActionLogController implements ReactiveController {
  private followedStore: ActionLogStore | null = null;
  private followedAwareness: Awareness | null = null;
  private unsubscribe: (() => void) | null = null;
  private stopAwareness: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: ActionLogSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.stopAwareness?.();
    this.unsubscribe = this.stopAwareness = null;
    this.followedStore = this.followedAwareness = null;
  }

  private readonly onChange = () => this.host.requestUpdate();

  private follow(): void {
    const store = this.source.store() ?? null;
    if (store !== this.followedStore) {
      this.unsubscribe?.();
      this.followedStore = store;
      this.unsubscribe = store ? store.subscribe(this.onChange) : null;
    }
    const awareness = this.source.awareness?.() ?? null;
    if (awareness !== this.followedAwareness) {
      this.stopAwareness?.();
      this.followedAwareness = awareness;
      if (awareness) {
        awareness.on('change', this.onChange);
        this.stopAwareness = () => awareness.off('change', this.onChange);
      } else {
        this.stopAwareness = null;
      }
    }
  }
}
