/**
 * Refreshes what an element shows when others change it: the element names
 * the body (or priority) and the lists it shows, and says how to refresh
 * (usually re-running its `@lit/task`). Watches follow the id as it changes
 * and stop when the element leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BodyList } from '../../shared/live-events.js';
import { liveEvents, type LiveEvents } from './live-events.js';

export interface LiveListSource {
  /** The body whose lists are shown, if any. */
  bodyId?(): number | null | undefined;
  /** Which of its lists; any change to one of them refreshes. */
  lists?: readonly BodyList[];
  /** The priority whose golden thread is shown, if any. */
  priorityId?(): number | null | undefined;
  refresh(): void;
}

export class LiveListController implements ReactiveController {
  private watchedBody: number | null = null;
  private watchedPriority: number | null = null;
  private stopWatchingBody: (() => void) | null = null;
  private stopWatchingPriority: (() => void) | null = null;
  private stopListening: (() => void)[] = [];

  constructor(
    host: ReactiveControllerHost,
    private readonly source: LiveListSource,
    private readonly events: LiveEvents = liveEvents,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopListening = [
      this.events.on('body:changed', ({ bodyId, list }) => {
        if (bodyId === this.watchedBody && (this.source.lists ?? []).includes(list)) this.source.refresh();
      }),
      this.events.on('priority:changed', ({ priorityId }) => {
        if (priorityId === this.watchedPriority) this.source.refresh();
      }),
    ];
    this.follow();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    for (const stop of this.stopListening) stop();
    this.stopListening = [];
    this.stopWatchingBody?.();
    this.stopWatchingPriority?.();
    this.stopWatchingBody = this.stopWatchingPriority = null;
    this.watchedBody = this.watchedPriority = null;
  }

  private follow(): void {
    const bodyId = this.source.bodyId?.() ?? null;
    if (bodyId !== this.watchedBody) {
      this.stopWatchingBody?.();
      this.watchedBody = bodyId;
      this.stopWatchingBody = bodyId === null ? null : this.events.watchBody(bodyId);
    }
    const priorityId = this.source.priorityId?.() ?? null;
    if (priorityId !== this.watchedPriority) {
      this.stopWatchingPriority?.();
      this.watchedPriority = priorityId;
      this.stopWatchingPriority = priorityId === null ? null : this.events.watchPriority(priorityId);
    }
  }
}
