/** Users read dates the UK way (22/11/2026) and times on the clock on their wall. */
export const TIME_ZONE = 'Europe/London';
export const LOCALE = 'en-GB';

const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const timeFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const weekdayFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, weekday: 'short' });

/** 22/11/2026 */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** 10:00 */
export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** Sun 22/11/2026, 10:00 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return `${weekdayFormat.format(date)} ${dateFormat.format(date)}, ${timeFormat.format(date)}`;
}
