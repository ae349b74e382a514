export interface PasswordCheckQueueOptions {
  /** Checks run at once. Each scrypt check takes about half a second of one core. */
  concurrency?: number;
  /** Checks that may wait for a free slot; any more are turned away at once. */
  maxWaiting?: number;
}

/**
 * Bounds the password checks running at once, so a burst of sign-ins cannot
 * fill every core and the libuv pool (which the database and files share) and
 * keep everyone else waiting; a short queue smooths ordinary bursts, and past
 * it a sign-in is told to try again rather than left hanging.
 */
export function createPasswordCheckQueue({ concurrency = 2, maxWaiting = 10 }: PasswordCheckQueueOptions = {}) {
  let running = 0;
  const waiting: (() => void)[] = [];

  async function runWhenFree<T>(check: () => Promise<T>): Promise<T> {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await check();
    } finally {
      // The slot passes straight to the next in line, so `running` only falls when nobody waits.
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  }

  return {
    /** Runs `check` once a slot is free; undefined, without running it, when the queue is full. */
    run<T>(check: () => Promise<T>): Promise<T> | undefined {
      if (running >= concurrency && waiting.length >= maxWaiting) return undefined;
      return runWhenFree(check);
    },
    /** Checks running and waiting now, for tests and diagnostics. */
    get load(): { running: number; waiting: number } {
      return { running, waiting: waiting.length };
    },
  };
}

export type PasswordCheckQueue = ReturnType<typeof createPasswordCheckQueue>;
