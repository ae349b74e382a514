export interface SignInThrottleOptions {
  /** Failures allowed inside the window before sign-in is refused for a while. */
  freeAttempts?: number;
  windowMs?: number;
  /** First lock-out; each further failure while locked doubles it, up to maxLockMs. */
  baseLockMs?: number;
  maxLockMs?: number;
  maxRecords?: number;
  now?: () => number;
}

interface Record {
  failures: number;
  firstFailureAt: number;
  lockedUntil: number;
}

/**
 * Slows down password guessing. Keys are the email tried and the caller's
 * address, so neither spraying one account nor one address spraying many works.
 * Kept in memory: a restart forgets it, which only helps a guesser once.
 */
export function createSignInThrottle({
  freeAttempts = 5,
  windowMs = 15 * 60 * 1000,
  baseLockMs = 30 * 1000,
  maxLockMs = 15 * 60 * 1000,
  maxRecords = 100_000,
  now = Date.now,
}: SignInThrottleOptions = {}) {
  const records = new Map<string, Record>();

  function current(key: string): Record | undefined {
    const record = records.get(key);
    if (record && now() - record.firstFailureAt > windowMs && now() >= record.lockedUntil) {
      records.delete(key);
      return undefined;
    }
    return record;
  }

  return {
    /** Milliseconds until these keys may try again; 0 if they may now. */
    retryAfterMs(keys: readonly string[]): number {
      return Math.max(0, ...keys.map((key) => (current(key)?.lockedUntil ?? 0) - now()));
    },
    recordFailure(keys: readonly string[]): void {
      for (const key of keys) {
        const record = current(key) ?? { failures: 0, firstFailureAt: now(), lockedUntil: 0 };
        record.failures += 1;
        const excess = record.failures - freeAttempts;
        if (excess > 0) record.lockedUntil = now() + Math.min(maxLockMs, baseLockMs * 2 ** (excess - 1));
        records.set(key, record);
      }
      // Bounded memory under a flood: forget the oldest records first.
      for (const key of records.keys()) {
        if (records.size <= maxRecords) break;
        records.delete(key);
      }
    },
    recordSuccess(keys: readonly string[]): void {
      for (const key of keys) records.delete(key);
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
