/**
 * Runs tasks one after another, in the order they are queued: a room's
 * messages, server changes and projections, so each sees the document as the
 * one before left it. When nothing is queued a task starts at once, in the
 * caller's turn, not a microtask later (most messages find their room idle).
 */
export class TaskQueue {
  /** Settles when every task queued so far has; never rejects. */
  private tail: Promise<void> = Promise.resolve();
  /** Tasks queued or running. */
  private busy = 0;

  /** Runs `task` after every earlier one; its failure is the caller's, and never stops the queue. */
  run(task: () => Promise<void>): Promise<void> {
    const done = () => void (this.busy -= 1);
    if (this.busy++ > 0) {
      const run = this.tail.then(task);
      this.tail = run.then(done, done);
      return run;
    }
    // The tail until this task settles, so one it queues as it starts waits behind it.
    let finished!: () => void;
    this.tail = new Promise<void>((resolve) => (finished = resolve));
    let run: Promise<void>;
    try {
      run = task();
    } catch (error) {
      run = Promise.reject(error);
    }
    const settle = () => {
      done();
      finished();
    };
    run.then(settle, settle);
    return run;
  }

  /** Resolves once every task queued so far has settled. */
  idle(): Promise<void> {
    return this.tail;
  }
}
