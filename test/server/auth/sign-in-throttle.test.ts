import { describe, expect, it } from 'vitest';
import { createSignInThrottle } from '../../../server/auth/sign-in-throttle.js';

function throttleAt(start = 0) {
  let now = start;
  const throttle = createSignInThrottle({ freeAttempts: 3, baseLockMs: 1000, maxLockMs: 8000, windowMs: 60_000, now: () => now });
  return { throttle, advance: (ms: number) => (now += ms) };
}

describe('sign-in throttle', () => {
  it('lets the free attempts through, then locks with a doubling wait', () => {
    const { throttle } = throttleAt();
    const keys = ['email:a@b.test'];
    for (let attempt = 0; attempt < 3; attempt++) throttle.recordFailure(keys);
    expect(throttle.retryAfterMs(keys)).toBe(0);
    throttle.recordFailure(keys);
    expect(throttle.retryAfterMs(keys)).toBe(1000);
    throttle.recordFailure(keys);
    expect(throttle.retryAfterMs(keys)).toBe(2000);
  });

  it('caps the wait and lifts it once it has passed', () => {
    const { throttle, advance } = throttleAt();
    const keys = ['address:10.0.0.1'];
    for (let attempt = 0; attempt < 10; attempt++) throttle.recordFailure(keys);
    expect(throttle.retryAfterMs(keys)).toBe(8000);
    advance(8000);
    expect(throttle.retryAfterMs(keys)).toBe(0);
  });

  it('locks if any one of the keys is locked, and a success clears them', () => {
    const { throttle } = throttleAt();
    for (let attempt = 0; attempt < 4; attempt++) throttle.recordFailure(['email:x@y.test']);
    expect(throttle.retryAfterMs(['email:x@y.test', 'address:1'])).toBeGreaterThan(0);
    expect(throttle.retryAfterMs(['email:other@y.test', 'address:1'])).toBe(0);
    throttle.recordSuccess(['email:x@y.test']);
    expect(throttle.retryAfterMs(['email:x@y.test'])).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const { throttle, advance } = throttleAt();
    const keys = ['email:slow@b.test'];
    for (let attempt = 0; attempt < 3; attempt++) throttle.recordFailure(keys);
    advance(61_000);
    throttle.recordFailure(keys);
    expect(throttle.retryAfterMs(keys)).toBe(0);
  });
});
