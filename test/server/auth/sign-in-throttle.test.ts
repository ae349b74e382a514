import { describe, expect, it } from 'vitest';
import { createSignInThrottle, type SignInAttempt, type SignInKeys } from '../../../server/auth/sign-in-throttle.js';

function throttleAt(start = 0) {
  let now = start;
  // Three free attempts, for an email and an address alike; one failure forgiven every 20 s (three over the minute).
  const throttle = createSignInThrottle({ freeAttempts: 3, freeAttemptsPerAddress: 3, baseLockMs: 1000, maxLockMs: 8000, windowMs: 60_000, busyRetryMs: 500, now: () => now });
  return { throttle, advance: (ms: number) => (now += ms) };
}

function allowed(reservation: ReturnType<ReturnType<typeof createSignInThrottle>['reserve']>): SignInAttempt {
  if (!reservation.allowed) throw new Error(`refused for ${reservation.retryAfterMs} ms`);
  return reservation;
}

/** The wait before `keys` may try again: 0 if they may now (the probing attempt is given back). */
function waitFor(throttle: ReturnType<typeof createSignInThrottle>, keys: SignInKeys): number {
  const reservation = throttle.reserve(keys);
  if (!reservation.allowed) return reservation.retryAfterMs;
  reservation.cancelled();
  return 0;
}

const mallory = { email: 'a@b.test', address: '10.0.0.1' };

describe('sign-in throttle', () => {
  it('lets the free attempts through, then locks with a doubling wait', () => {
    const { throttle } = throttleAt();
    for (let attempt = 0; attempt < 3; attempt++) allowed(throttle.reserve(mallory)).failed();
    expect(waitFor(throttle, mallory)).toBe(0);
    allowed(throttle.reserve(mallory)).failed();
    expect(waitFor(throttle, mallory)).toBe(1000);
  });

  it('doubles the lock with each failure past the limit, caps it, and lifts it once it has passed', () => {
    const { throttle, advance } = throttleAt();
    const waits: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      allowed(throttle.reserve(mallory)).failed();
      waits.push(waitFor(throttle, mallory));
      advance(waits.at(-1)!);
    }
    expect(waits).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 8000]);
    expect(waitFor(throttle, mallory)).toBe(0);
  });

  it('counts an attempt when it is let through, so parallel guesses cannot outrun the check', () => {
    const { throttle } = throttleAt();
    const reservations = Array.from({ length: 40 }, (_, index) => throttle.reserve({ email: `user${index}@b.test`, address: '10.0.0.1' }));
    const through = reservations.filter((reservation) => reservation.allowed);
    expect(through).toHaveLength(3);
    for (const refused of reservations.filter((reservation) => !reservation.allowed)) expect(refused.retryAfterMs).toBe(500);
    for (const attempt of through) (attempt as SignInAttempt).failed();
    // At the limit only one attempt at a time is let through; its failure locks.
    const last = allowed(throttle.reserve(mallory));
    expect(throttle.reserve({ email: 'other@b.test', address: '10.0.0.1' })).toEqual({ allowed: false, retryAfterMs: 500 });
    last.failed();
    expect(waitFor(throttle, { email: 'new@b.test', address: '10.0.0.1' })).toBe(1000);
  });

  it('clears the email on a success, but never the address', () => {
    const { throttle } = throttleAt();
    allowed(throttle.reserve({ email: 'victim@b.test', address: '10.0.0.1' })).failed();
    allowed(throttle.reserve({ email: 'victim@b.test', address: '10.0.0.1' })).failed();
    allowed(throttle.reserve({ email: 'mine@b.test', address: '10.0.0.1' })).succeeded();
    allowed(throttle.reserve({ email: 'victim2@b.test', address: '10.0.0.1' })).failed();
    allowed(throttle.reserve({ email: 'victim3@b.test', address: '10.0.0.1' })).failed(); // the fourth failure from here
    expect(waitFor(throttle, { email: 'mine@b.test', address: '10.0.0.1' })).toBe(1000);
    // The email's own failures are cleared by its success, from anywhere.
    allowed(throttle.reserve({ email: 'victim@b.test', address: '10.0.0.2' })).succeeded();
    for (let attempt = 0; attempt < 3; attempt++) allowed(throttle.reserve({ email: 'victim@b.test', address: `10.0.1.${attempt}` })).failed();
    expect(waitFor(throttle, { email: 'victim@b.test', address: '10.0.2.1' })).toBe(0);
  });

  it('gives an address, where a whole office may sign in, more failures than one email', () => {
    let now = 0;
    const throttle = createSignInThrottle({ freeAttempts: 2, freeAttemptsPerAddress: 6, baseLockMs: 1000, now: () => now });
    const office = (index: number) => ({ email: `officer${index}@b.test`, address: '10.0.0.9' });
    for (let index = 0; index < 6; index++) allowed(throttle.reserve(office(index))).failed();
    expect(waitFor(throttle, office(99))).toBe(0);
    allowed(throttle.reserve(office(6))).failed();
    expect(waitFor(throttle, office(99))).toBe(1000);
    // One email still locks after its own two.
    now += 60 * 60 * 1000;
    for (let attempt = 0; attempt < 3; attempt++) allowed(throttle.reserve({ email: 'one@b.test', address: `10.1.0.${attempt}` })).failed();
    expect(waitFor(throttle, { email: 'one@b.test', address: '10.2.0.1' })).toBe(1000);
  });

  it('does not count an attempt whose password was never checked, nor refused ones', () => {
    const { throttle } = throttleAt();
    for (let attempt = 0; attempt < 10; attempt++) allowed(throttle.reserve(mallory)).cancelled();
    for (let attempt = 0; attempt < 3; attempt++) allowed(throttle.reserve(mallory)).failed();
    allowed(throttle.reserve(mallory)).failed();
    for (let attempt = 0; attempt < 5; attempt++) expect(throttle.reserve(mallory).allowed).toBe(false);
    expect(waitFor(throttle, mallory)).toBe(1000);
  });

  it('settles an attempt once, whatever its caller does', () => {
    const { throttle } = throttleAt();
    const attempt = allowed(throttle.reserve(mallory));
    attempt.failed();
    attempt.failed();
    attempt.cancelled();
    for (let more = 0; more < 2; more++) allowed(throttle.reserve(mallory)).failed();
    expect(waitFor(throttle, mallory)).toBe(0);
  });

  it('forgets failures one at a time as time passes', () => {
    const { throttle, advance } = throttleAt();
    for (let attempt = 0; attempt < 3; attempt++) allowed(throttle.reserve(mallory)).failed();
    advance(20_000); // one forgiven: two left, so one more is free
    allowed(throttle.reserve(mallory)).failed();
    expect(waitFor(throttle, mallory)).toBe(0);
    allowed(throttle.reserve(mallory)).failed();
    expect(waitFor(throttle, mallory)).toBe(1000);
    advance(80_000); // all four forgiven
    for (let attempt = 0; attempt < 3; attempt++) allowed(throttle.reserve(mallory)).failed();
    expect(waitFor(throttle, mallory)).toBe(0);
  });
});
