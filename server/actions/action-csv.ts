import { stringify } from 'csv-stringify/sync';
import { ACTION_STATUS_LABELS, RAG_LABELS } from '../../shared/actions.js';
import type { ActionSummary } from '../../shared/api.js';
import { formatDate } from '../../shared/dates.js';

const COLUMNS: [string, (action: ActionSummary) => string][] = [
  ['Reference', (action) => action.reference ?? ''],
  ['Key action', (action) => action.title],
  ['Description', (action) => action.description],
  ['Owner', (action) => action.owner?.name ?? ''],
  ['Lead agency', (action) => action.leadAgency?.name ?? ''],
  ['Due date', (action) => (action.dueDate ? formatDate(`${action.dueDate}T12:00:00Z`) : '')],
  ['Status', (action) => ACTION_STATUS_LABELS[action.status]],
  ['RAG', (action) => (action.rag ? RAG_LABELS[action.rag] : '')],
  ['RAG override reason', (action) => (action.ragOverride ? action.ragOverrideReason : '')],
  ['Theme', (action) => action.theme],
  ['Financial and resource implications', (action) => action.resources],
  ['Outcome target and performance measure', (action) => action.outcomeMeasure],
  ['Latest progress', (action) => action.latestProgress?.text ?? ''],
  ['Progress date', (action) => (action.latestProgress ? formatDate(action.latestProgress.at) : '')],
  ['Raised', (action) => formatDate(action.createdAt)],
  ['Closed', (action) => (action.closedAt ? formatDate(action.closedAt) : '')],
];

/** What a spreadsheet takes as the start of a formula (csv-stringify's list, fullwidth forms included). */
const FORMULA_START = /^[=+\-@\t\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A cell a spreadsheet would run as a formula is shown as text instead. Every
 * line is checked, not only the first: a reader that splits records on a bare
 * CR or LF would start a new row, and so a new cell, after the break.
 */
function neutraliseFormulas(cell: string): string {
  return cell
    .split(/(\r\n|\r|\n)/)
    .map((part, index) => (index % 2 === 0 && FORMULA_START.test(part) ? `'${part}` : part))
    .join('');
}

/**
 * An action log as RFC 4180 CSV (CRLF line ends, quoted where needed) in UTF-8
 * with a byte-order mark, so Excel opens it with the right characters; dates
 * are en-GB. The columns follow the CSP action plan template.
 */
export function actionLogCsv(actions: readonly ActionSummary[]): string {
  const rows = actions.map((action) => COLUMNS.map(([, value]) => neutraliseFormulas(value(action))));
  // With a record_delimiter set, csv-stringify quotes only cells holding the
  // whole CRLF; quote_record_delimiter makes a bare CR or LF force quotes too,
  // so no reader can take one for the end of a row.
  return stringify([COLUMNS.map(([header]) => header), ...rows], { bom: true, record_delimiter: 'windows', quote_record_delimiter: true });
}
