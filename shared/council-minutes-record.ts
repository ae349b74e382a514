/**
 * The lines that say what a copy of minutes is, worded once for every
 * rendering (Markdown, HTML, Word, the printable page): which version it is
 * and why it was corrected, its SHA-256, how it was confirmed and signed, and
 * why an item is exempt from publication. Plain text: each renderer escapes
 * it as it escapes everything else.
 */
import { EXEMPT_ITEM_WORDING, PROTECTIVE_MARKING, type CouncilMinutes, type MinutesItem } from './council-minutes.js';
import { LOCALE, TIME_ZONE } from './dates.js';

const dayMonthYear = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });

/** "1 December 2026" */
export const longDate = (iso: string) => dayMonthYear.format(new Date(iso));

/**
 * "Version 2 — corrected on 1 December 2026: <reason>", "Version 1 —
 * confirmed on 15 December 2026", or, for a working copy, what it is a draft of.
 */
export function versionLine(minutes: Pick<CouncilMinutes, 'draft' | 'stage' | 'revision'>): string {
  const { revision } = minutes;
  if (revision) {
    const when = longDate(revision.createdAt);
    return revision.reason === null ? `Version ${revision.number} — confirmed on ${when}` : `Version ${revision.number} — corrected on ${when}: ${revision.reason}`;
  }
  if (minutes.stage === 'correcting') return 'Draft correction — not yet issued';
  if (minutes.stage === 'approved' || minutes.stage === 'published') return 'Working copy — the confirmed record is its latest version';
  return 'Draft — not yet confirmed';
}

/** "SHA-256: 3f…" for a stored version; null for a working copy, which has no fixed content. */
export const hashLine = (minutes: Pick<CouncilMinutes, 'revision'>) => (minutes.revision?.hash ? `SHA-256: ${minutes.revision.hash}` : null);

/**
 * The signed statement that replaces the blank signature line once minutes are
 * confirmed; null for a working copy, which is not yet (or no longer) the signed record.
 */
export function confirmationStatement(minutes: Pick<CouncilMinutes, 'draft' | 'confirmation'>): string[] | null {
  const { confirmation } = minutes;
  if (!confirmation || minutes.draft) return null;
  return [
    `Confirmed as a correct record at the meeting held on ${confirmation.atMeeting}.`,
    `Moved by ${confirmation.movedBy}${confirmation.secondedBy ? `; seconded by ${confirmation.secondedBy}` : ''}.`,
    `Signed: ${confirmation.signedBy}`,
  ];
}

/** The blank line the chair signs on a copy not yet confirmed. */
export const SIGNATURE_LINE = 'Chair ……………………………… Date ………………';

/** "Item 18: exempt information — not for publication (Paragraph 1: …)", the public version's whole entry for a Part II item. */
export const exemptItemHeading = (item: Pick<MinutesItem, 'number' | 'exemptionReason'>) =>
  `Item ${item.number}: ${EXEMPT_ITEM_WORDING}${item.exemptionReason ? ` (${item.exemptionReason})` : ''}`;

/** The full version's marking of a Part II item, with the paragraph it is exempt under when the chair chose one. */
export const partTwoMarking = (item: Pick<MinutesItem, 'exemptionReason'>) =>
  `Part II — ${PROTECTIVE_MARKING}${item.exemptionReason ? ` — exempt under ${item.exemptionReason}` : ''}`;
