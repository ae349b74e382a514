/**
 * Turns a date and time as read off a clock in the UK into an instant. Users
 * type "01/12/2026" and "10:00" meaning London time, whatever zone their
 * computer is set to, and whether or not British Summer Time applies.
 */
import { TZDate } from '@date-fns/tz';
import { TIME_ZONE } from '../../shared/dates.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/**
 * The ISO 8601 instant, with its UTC offset, of `date` (yyyy-mm-dd, as a date
 * input gives it) at `time` (hh:mm) in London; undefined if either is not a
 * real date or time.
 */
export function londonDateTimeToIso(date: string, time: string): string | undefined {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return undefined;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  if (hour > 23 || minute > 59) return undefined;
  const when = new TZDate(year, month - 1, day, hour, minute, TIME_ZONE);
  // 31/02 rolls over into March; refuse it rather than schedule the wrong day.
  if (Number.isNaN(when.getTime()) || when.getFullYear() !== year || when.getMonth() !== month - 1 || when.getDate() !== day) {
    return undefined;
  }
  return when.toISOString();
}
