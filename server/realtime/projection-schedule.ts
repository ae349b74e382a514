/**
 * When a room mirrors its document into SQL: a while after accepted changes,
 * not after each one, since typing makes several changes a second.
 */
export interface ProjectionScheduleOptions {
  delayMs: number;
  /** Mirrors the document as it is now; `editorIds` made the changes since the last run. */
  project(editorIds: readonly number[]): Promise<void>;
  log: (message: string, error?: unknown) => void;
}

export class ProjectionSchedule {
  /** Users whose updates arrived since the last projection, for the history it writes. */
  private readonly editors = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly options: ProjectionScheduleOptions) {}

  /** Notes an accepted change, and the user who made it unless the server did; projects soon. */
  changed(editorId: number | null): void {
    if (editorId !== null) this.editors.add(editorId);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run();
    }, this.options.delayMs);
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

  private run(): void {
    const editorIds = [...this.editors];
    this.editors.clear();
    this.running = this.running
      .then(() => this.options.project(editorIds))
      .catch((error: unknown) => this.options.log('projection failed', error));
  }
}
