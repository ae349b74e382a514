import { LOCALE, TIME_ZONE } from '../../shared/dates.js';

const londonHour = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, hour: '2-digit', hourCycle: 'h23' });

/** The instant a calendar day (YYYY-MM-DD) begins on a London wall clock, as an ISO string. */
export function startOfLondonDay(day: string): string {
  const utcMidnight = new Date(`${day}T00:00:00.000Z`);
  // London is UTC or one hour ahead, so at UTC midnight its clock reads 00 or 01.
  return new Date(utcMidnight.getTime() - Number(londonHour.format(utcMidnight)) * 3_600_000).toISOString();
}

/** The day after a calendar day. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
