import { describe, expect, it } from 'vitest';
import { actionLogCsv } from '../../../server/actions/action-csv.js';
import { actionSummary } from '../../client/action-summary.js';

/**
 * RFC 4180 as Excel and Python's csv read it: a quoted field runs to its
 * closing quote, and outside quotes a CR, LF or CRLF ends the row.
 * (csv-parse is not installed; this is the reading the attack relies on.)
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') row.push(cell), (cell = '');
    else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

const FORMULA = /^[=+\-@]/;
const ATTACKS = [
  "Review CCTV\r=cmd|' /C calc'!A0",
  'Review CCTV\n+SUM(A1:A9)',
  'Review CCTV\r\n-2+3',
  'line one\r\r@SUM(1)',
  '\r=cmd',
  '=HYPERLINK("http://evil.example")',
  '\t=1+1',
];

describe('action log CSV', () => {
  const csv = actionLogCsv(
    ATTACKS.map((title, index) => actionSummary({ id: `a${index}`, title, description: title, latestProgress: { text: title, at: '2026-01-06T10:00:00.000Z' } })),
  );
  const text = csv.replace(/^\uFEFF/, '');

  it('starts no cell, and no line within a cell, with a formula character', () => {
    const rows = parseCsv(text);
    expect(rows).toHaveLength(1 + ATTACKS.length); // header and one row per action: no break split a row
    for (const row of rows) {
      expect(row).toHaveLength(16);
      for (const cell of row) {
        for (const line of cell.split(/\r\n|\r|\n/)) expect(line, JSON.stringify(cell)).not.toMatch(FORMULA);
      }
    }
  });

  it('quotes every cell holding a line break, so a bare CR cannot end the row', () => {
    for (const line of text.split(/\r\n|\r|\n/)) expect(line).not.toMatch(FORMULA);
    expect(text).toContain(`,"Review CCTV\r'=cmd|' /C calc'!A0",`);
    expect(text).toContain(`,"Review CCTV\n'+SUM(A1:A9)",`);
    expect(text).toContain(`,"Review CCTV\r\n'-2+3",`);
    expect(text).toContain(`,"line one\r\r'@SUM(1)",`);
    expect(text).toContain(`,"\r'=cmd",`);
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"")",`);
  });

  it('leaves ordinary text alone', () => {
    const plain = actionLogCsv([actionSummary({ title: 'Review CCTV coverage', description: 'Two lines\r\nof text' })]);
    expect(plain).toContain(',Review CCTV coverage,"Two lines\r\nof text",');
  });
});
