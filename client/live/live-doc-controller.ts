/**
 * Re-renders an element whenever its live document or presence changes.
 * Elements get the document and awareness as properties (a page may swap in a
 * fresh document after a refusal), so the controller checks on every update
 * which ones it should be watching, and lets go of them all when the element
 * leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

export interface LiveDocSource {
  doc(): Y.Doc | null | undefined;
  awareness?(): Awareness | null | undefined;
}

export class LiveDocController implements ReactiveController {
  private watchedDoc: Y.Doc | null = null;
  private watchedAwareness: Awareness | null = null;
  private disposeDoc: (() => void) | null = null;
  private disposeAwareness: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: LiveDocSource,
    /** The document's top-level types, each watched deeply. */
    private readonly roots: (doc: Y.Doc) => Y.AbstractType<any>[],
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
        const roots = this.roots(doc);
        for (const root of roots) root.observeDeep(this.onChange);
        this.disposeDoc = () => {
          for (const root of roots) root.unobserveDeep(this.onChange);
        };
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
