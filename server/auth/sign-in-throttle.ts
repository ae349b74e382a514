export interface SignInThrottleOptions {
  /** Attempts an email may make before failures lock it for a while. */
  freeAttempts?: number;
  /**
   * The same for an address: higher, since a council office's whole staff may
   * sign in from one address, and a typo each must not lock them all out.
   */
  freeAttemptsPerAddress?: number;
  /** Failures are forgotten one at a time, freeAttempts of them over this long. */
  windowMs?: number;
  /** First lock-out; each further failure while over the limit doubles it, up to maxLockMs. */
  baseLockMs?: number;
  maxLockMs?: number;
  /** Retry-After for an attempt refused because the ones already let through are still being checked. */
  busyRetryMs?: number;
  maxRecords?: number;
  now?: () => number;
}

/** Who is trying: the email typed and the address the attempt came from. */
export interface SignInKeys {
  email: string;
  address: string;
}

/** An attempt let through: it already counts, and must be settled exactly once. */
export interface SignInAttempt {
  allowed: true;
  /** The password was right: clears the email's failures; the address keeps its own. */
  succeeded(): void;
  failed(): void;
  /** The password was never checked (the server was too busy, or broke): the attempt does not count. */
  cancelled(): void;
}

export type SignInReservation = SignInAttempt | { allowed: false; retryAfterMs: number };

interface Record {
  /** Failures allowed before a lock-out: the email's or the address's allowance. */
  free: number;
  failures: number;
  /** When the failures were last forgiven (or first counted). */
  forgivenAt: number;
  /** Attempts let through whose password is still being checked. */
  pending: number;
  lockedUntil: number;
}

/**
 * Slows down password guessing. Keys are the email tried and the caller's
 * address, so neither spraying one account nor one address spraying many works.
 *
 * An attempt is counted when it is let through, before its password is
 * checked, so a burst of parallel guesses cannot all slip in while the first
 * ones are still hashing: below the limit only the attempts left may be in
 * flight at once, and at it only one. A success clears the email's failures
 * but never the address's, so an account of one's own does not reset the
 * count for guessing at others'; an address's failures fade with time instead.
 * Kept in memory: a restart forgets it, which only helps a guesser once.
 */
export function createSignInThrottle({
  freeAttempts = 5,
  freeAttemptsPerAddress = 20,
  windowMs = 15 * 60 * 1000,
  baseLockMs = 30 * 1000,
  maxLockMs = 15 * 60 * 1000,
  busyRetryMs = 1000,
  maxRecords = 100_000,
  now = Date.now,
}: SignInThrottleOptions = {}) {
  const records = new Map<string, Record>();
  const allowanceOf = (key: string) => (key.startsWith('address:') ? freeAttemptsPerAddress : freeAttempts);
  const fresh = (key: string, pending: number): Record => ({ free: allowanceOf(key), failures: 0, forgivenAt: now(), pending, lockedUntil: 0 });

  /** The key's record with time's forgiveness applied; undefined once there is nothing left to remember. */
  function current(key: string): Record | undefined {
    const record = records.get(key);
    if (!record) return undefined;
    const forgiveEveryMs = windowMs / record.free;
    const forgiven = Math.floor((now() - record.forgivenAt) / forgiveEveryMs);
    if (forgiven > 0) {
      record.failures = Math.max(0, record.failures - forgiven);
      record.forgivenAt += forgiven * forgiveEveryMs;
    }
    if (record.failures === 0 && record.pending === 0 && now() >= record.lockedUntil) {
      records.delete(key);
      return undefined;
    }
    return record;
  }

  function retryAfterMs(record: Record | undefined): number {
    if (!record) return 0;
    if (now() < record.lockedUntil) return record.lockedUntil - now();
    const inFlightAllowed = record.failures < record.free ? record.free - record.failures : 1;
    return record.pending < inFlightAllowed ? 0 : busyRetryMs;
  }

  function settle(key: string, change: (record: Record) => void): void {
    // A record forgotten under a flood starts again, so a failure still counts.
    const record = current(key) ?? fresh(key, 1);
    record.pending = Math.max(0, record.pending - 1);
    change(record);
    records.set(key, record);
    current(key); // drop it if nothing is left
  }

  function recordFailure(record: Record): void {
    if (record.failures === 0) record.forgivenAt = now();
    record.failures += 1;
    const excess = record.failures - record.free;
    if (excess > 0) record.lockedUntil = Math.max(record.lockedUntil, now() + Math.min(maxLockMs, baseLockMs * 2 ** (excess - 1)));
  }

  return {
    /** Counts an attempt before its password is checked, or says how long to wait before trying. */
    reserve({ email, address }: SignInKeys): SignInReservation {
      const keys = [`email:${email.toLowerCase()}`, `address:${address}`] as const;
      const wait = Math.max(...keys.map((key) => retryAfterMs(current(key))));
      if (wait > 0) return { allowed: false, retryAfterMs: wait };

      for (const key of keys) {
        const record = current(key) ?? fresh(key, 0);
        record.pending += 1;
        records.delete(key); // re-inserted last, so the flood guard below forgets the stalest first
        records.set(key, record);
      }
      for (const key of records.keys()) {
        if (records.size <= maxRecords) break;
        records.delete(key);
      }

      const [emailKey, addressKey] = keys;
      let settled = false;
      const once = (settleAll: () => void) => () => {
        if (settled) return;
        settled = true;
        settleAll();
      };
      return {
        allowed: true,
        succeeded: once(() => {
          settle(emailKey, (record) => {
            record.failures = 0;
            record.lockedUntil = 0;
          });
          settle(addressKey, () => {});
        }),
        failed: once(() => {
          settle(emailKey, recordFailure);
          settle(addressKey, recordFailure);
        }),
        cancelled: once(() => {
          settle(emailKey, () => {});
          settle(addressKey, () => {});
        }),
      };
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
