/** The pause in editing after which accepted changes are mirrored into SQL. */
export const DEFAULT_PROJECT_AFTER_MS = 500;
/**
 * The longest a change waits to be mirrored while typing never pauses. Each
 * mirroring holds the event loop ~0.7 ms, and keystrokes that arrive meanwhile
 * wait: every 10 s in each of 40 meetings, they made Quorum's slowest 1 % of
 * deliveries slower than the reference server's. The minutes and their exports
 * flush a room's pending mirroring before they read; lists and search may lag by this much.
 */
export const DEFAULT_PROJECT_WITHIN_MS = 30_000;

/**
 * When a room mirrors its document into SQL: once its editors pause, not after
 * each change, since typing makes several changes a second; and while they
 * never pause (a meeting in full flow), at most `maxDelayMs` after the oldest
 * change not yet mirrored, so reports and search are never far behind.
 */
export interface ProjectionScheduleOptions {
  /** The pause after the last change. */
  delayMs: number;
  /** The longest a change waits. */
  maxDelayMs: number;
  /** Mirrors the document as it is now; `editorIds` made the changes since the last run. */
  project(editorIds: readonly number[]): Promise<void>;
  log: (message: string, error?: unknown) => void;
}

export class ProjectionSchedule {
  /** Users whose updates arrived since the last projection, for the history it writes. */
  private readonly editors = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstChangeAt: number | undefined;
  private lastChangeAt = 0;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly options: ProjectionScheduleOptions) {}

  /** Notes an accepted change, and the user who made it unless the server did; projects once the editors pause. */
  changed(editorId: number | null): void {
    if (editorId !== null) this.editors.add(editorId);
    this.lastChangeAt = performance.now();
    this.firstChangeAt ??= this.lastChangeAt;
    // One timer a burst, not one a keystroke: when it fires it waits on if the editors have not paused.
    this.timer ??= setTimeout(this.onTimer, this.options.delayMs);
  }

  /** Runs a pending projection now, and waits for every one started. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.run();
    }
    await this.running;
  }

  private readonly onTimer = (): void => {
    this.timer = undefined;
    const now = performance.now();
    const quiet = now - this.lastChangeAt;
    const waited = now - (this.firstChangeAt ?? now);
    if (quiet < this.options.delayMs && waited < this.options.maxDelayMs) {
      this.timer = setTimeout(this.onTimer, Math.min(this.options.delayMs - quiet, this.options.maxDelayMs - waited));
      return;
    }
    this.run();
  };

  private run(): void {
    this.firstChangeAt = undefined;
    const editorIds = [...this.editors];
    this.editors.clear();
    this.running = this.running
      .then(() => this.options.project(editorIds))
      .catch((error: unknown) => this.options.log('projection failed', error));
  }
}
