import { describe, expect, it } from 'vitest';
import { isoTimestamp } from '../../../server/db/timestamps.js';

describe('isoTimestamp', () => {
  it('writes what toISOString writes, across seconds, days, years and back again', () => {
    const start = Date.UTC(2026, 11, 31, 23, 59, 58, 990);
    const moments = [start, start + 5, start + 10, start + 1_000, start + 1_010, start + 2_001, start + 99, start - 1, start, 0, -500, -1_001];
    for (let ms = start; ms < start + 3_000; ms += 7) moments.push(ms);
    for (const ms of moments) expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
  });

  it('keeps the milliseconds a Date keeps, and formats years outside 0–9999 in full', () => {
    expect(isoTimestamp(1_700_000_000_123.9)).toBe(new Date(1_700_000_000_123.9).toISOString());
    const farFuture = Date.UTC(12_000, 0, 1, 0, 0, 0, 5);
    expect(isoTimestamp(farFuture)).toBe(new Date(farFuture).toISOString());
    expect(isoTimestamp(farFuture + 1)).toBe(new Date(farFuture + 1).toISOString());
  });

  it('is now when not told otherwise', () => {
    const before = Date.now();
    const at = Date.parse(isoTimestamp());
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });
});
