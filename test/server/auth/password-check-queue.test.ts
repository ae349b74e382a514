import { describe, expect, it } from 'vitest';
import { createPasswordCheckQueue } from '../../../server/auth/password-check-queue.js';

/** A check that finishes when told to. */
function heldCheck() {
  let finish!: (valid: boolean) => void;
  const done = new Promise<boolean>((resolve) => (finish = resolve));
  let started = false;
  return {
    check: () => ((started = true), done),
    finish,
    get started() {
      return started;
    },
  };
}

describe('password check queue', () => {
  it('runs at most `concurrency` checks at once, the rest in turn, and turns away any past the queue', async () => {
    const queue = createPasswordCheckQueue({ concurrency: 2, maxWaiting: 2 });
    const checks = Array.from({ length: 5 }, heldCheck);
    const runs = checks.map((held) => queue.run(held.check));
    expect(checks.map((held) => held.started)).toEqual([true, true, false, false, false]);
    expect(runs[4]).toBeUndefined();
    expect(queue.load).toEqual({ running: 2, waiting: 2 });

    checks[0]!.finish(true);
    expect(await runs[0]).toBe(true);
    expect(checks[2]!.started).toBe(true);
    expect(checks[3]!.started).toBe(false);
    expect(queue.load).toEqual({ running: 2, waiting: 1 });
    expect(queue.run(async () => false)).toBeDefined(); // room in the queue again

    for (const held of checks.slice(1, 4)) held.finish(false);
    await Promise.all(runs.slice(1, 4));
    expect(checks[3]!.started).toBe(true);
  });

  it('frees the slot when a check throws', async () => {
    const queue = createPasswordCheckQueue({ concurrency: 1, maxWaiting: 0 });
    await expect(queue.run(() => Promise.reject(new Error('scrypt failed')))).rejects.toThrow('scrypt failed');
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
    expect(await queue.run(async () => true)).toBe(true);
  });
});
