import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProjectionSchedule } from '../../../server/realtime/projection-schedule.js';

describe('when a room mirrors its document into SQL', () => {
  let runs: (readonly number[])[];
  let schedule: ProjectionSchedule;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    runs = [];
    schedule = new ProjectionSchedule({ delayMs: 500, maxDelayMs: 3_000, project: async (ids) => void runs.push(ids), log: () => {} });
  });
  afterEach(() => vi.useRealTimers());

  /** Someone types a keystroke every `everyMs` for `forMs`. */
  async function typing(editorId: number, everyMs: number, forMs: number) {
    for (let at = 0; at < forMs; at += everyMs) {
      schedule.changed(editorId);
      await vi.advanceTimersByTimeAsync(everyMs);
    }
  }

  it('mirrors once the editors pause, with everyone who edited', async () => {
    schedule.changed(4);
    schedule.changed(7);
    await vi.advanceTimersByTimeAsync(499);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([[4, 7]]);
  });

  it('waits for a pause while the editors keep typing, but never longer than the most a change may wait', async () => {
    await typing(4, 200, 2_800);
    expect(runs).toEqual([]);
    await typing(4, 200, 400);
    expect(runs).toEqual([[4]]); // 3 s after the first keystroke, though nobody paused
    await typing(4, 200, 2_600);
    expect(runs).toHaveLength(1);
    await typing(4, 200, 600);
    expect(runs).toHaveLength(2);
  });

  it('mirrors at once when flushed, and not again for the same changes', async () => {
    schedule.changed(4);
    await schedule.flush();
    expect(runs).toEqual([[4]]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toHaveLength(1);
  });
});
