/** How actions read on every page: en-GB dates, RAG as words (never colour alone). */
import { RAG_LABELS, type Rag } from '../../shared/actions.js';
import { formatDate } from '../../shared/dates.js';

/** 22/11/2026, from a YYYY-MM-DD due date (read at midday, so no time zone moves it). */
export function formatDueDate(date: string | null): string {
  return date === null ? 'No due date' : formatDate(`${date}T12:00:00Z`);
}

export function ragLabel(rag: Rag | null): string {
  return rag === null ? 'None (closed)' : RAG_LABELS[rag];
}
