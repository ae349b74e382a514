/**
 * Scheduling a meeting in the words users type: en-GB dates ("22/11/2026"),
 * 24-hour times ("18:30"), and no meetings in the past. Pure, so the form and
 * its tests share one definition.
 */
import { formatDate } from './dates.js';

const UK_DATE = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/;
// What a browser's native date input, or a paste from a spreadsheet, gives.
const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;
const TIME = /^\s*(\d{1,2})[:.]?(\d{2})\s*$/;

const pad = (value: number) => String(value).padStart(2, '0');

/** "22/11/2026" (or 22-11-2026, 22.11.2026, 2026-11-22) as yyyy-mm-dd; undefined if it is not a real date. */
export function parseUkDate(text: string): string | undefined {
  const uk = UK_DATE.exec(text);
  const iso = uk ? undefined : ISO_DATE.exec(text);
  const [day, month, year] = uk ? [uk[1], uk[2], uk[3]].map(Number) : iso ? [iso[3], iso[2], iso[1]].map(Number) : [];
  if (day === undefined || month === undefined || year === undefined) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "18:30", "9:05", "1830" or "18.30" as hh:mm; undefined if it is not a time on a 24-hour clock. */
export function parseTime(text: string): string | undefined {
  const match = TIME.exec(text);
  if (!match) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return undefined;
  return `${pad(hour)}:${pad(minute)}`;
}

/** A meeting may not be scheduled to start before now: it would be listed as "Scheduled" among past meetings. */
export function isStartInPast(startsAt: string, now = new Date()): boolean {
  return Date.parse(startsAt) < now.getTime();
}

export const START_IN_PAST_MESSAGE = 'The meeting must start in the future; check the date and time';

/**
 * A meeting's name where meetings are listed: its title and date, since two
 * meetings of one body may share a title ("Charnwood JAG — December 2026").
 */
export function meetingListTitle(meeting: { title: string; startsAt: string }): string {
  return `${meeting.title}, ${formatDate(meeting.startsAt)}`;
}
