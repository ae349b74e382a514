/**
 * The page box for printed minutes: A4, margins, the body and date in the
 * running header, the marking and page numbers in the footer. `@page` rules
 * are ignored inside shadow roots, so the minutes page has the document adopt
 * this sheet while it is open.
 */
import type { CouncilMinutes } from '../../shared/council-minutes.js';

export const a4PrintSheet = new CSSStyleSheet();

/** A CSS string: quotes, backslashes and line breaks escaped, so no name can end the rule. */
const cssString = (text: string) => `"${text.replace(/[\\"\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

export function printSheetFor(minutes: CouncilMinutes | null): void {
  const header = minutes ? cssString(`${minutes.bodyName} — ${minutes.date}`) : '""';
  const marking = minutes?.marking ? cssString(minutes.marking) : '""';
  a4PrintSheet.replaceSync(`
    @page {
      size: A4;
      margin: 22mm 18mm 20mm;
      @top-left { content: ${header}; font-size: 9pt; }
      @top-right { content: ${marking}; font-size: 9pt; font-weight: 700; }
      @bottom-left { content: ${marking}; font-size: 9pt; font-weight: 700; }
      @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; }
    }
  `);
}
