/**
 * Re-renders an element whenever its action log document or presence
 * changes. Like the meeting controller, it checks on every update which
 * document and awareness it should watch (a page swaps in a fresh document
 * after a refusal) and lets go of both when the element leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { actionsOf } from '../../shared/action-log-doc.js';

export interface ActionLogSource {
  doc(): Y.Doc | null | undefined;
  awareness?(): Awareness | null | undefined;
}

export class ActionLogController implements ReactiveController {
  private watchedDoc: Y.Doc | null = null;
  private watchedAwareness: Awareness | null = null;
  private disposeDoc: (() => void) | null = null;
  private disposeAwareness: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: ActionLogSource,
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
    this.disposeDoc?.();
    this.disposeAwareness?.();
    this.disposeDoc = this.disposeAwareness = null;
    this.watchedDoc = this.watchedAwareness = null;
  }

  private readonly onChange = () => this.host.requestUpdate();

  private watch(): void {
    const doc = this.source.doc() ?? null;
    if (doc !== this.watchedDoc) {
      this.disposeDoc?.();
      this.disposeDoc = null;
      this.watchedDoc = doc;
      if (doc) {
        const actions = actionsOf(doc);
        actions.observeDeep(this.onChange);
        this.disposeDoc = () => actions.unobserveDeep(this.onChange);
      }
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
