import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from '../../shared/dates.js';

describe('en-GB dates in Europe/London', () => {
  it('writes dates day first', () => {
    expect(formatDate('2026-11-22T10:00:00Z')).toBe('22/11/2026');
  });

  it('shows British Summer Time on the wall clock', () => {
    // 09:00 UTC in July is 10:00 in London.
    expect(formatTime('2026-07-14T09:00:00Z')).toBe('10:00');
    expect(formatDateTime('2026-07-14T09:00:00Z')).toBe('Tue 14/07/2026, 10:00');
  });

  it('uses the London date around midnight, not the server’s', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London.
    expect(formatDate('2026-06-30T23:30:00Z')).toBe('01/07/2026');
  });
});
