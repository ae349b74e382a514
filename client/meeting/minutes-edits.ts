/** Changes to an item's minutes text beyond typing: the lines an action raised from them leaves. */
import * as Y from 'yjs';
import { MEETING_DOC_LIMITS, agendaOf } from '../../shared/meeting-doc.js';
import { InvalidEdit } from '../live/index.js';

/** The item's minutes text, or null if the item has gone. */
export function minutesTextOf(doc: Y.Doc, itemId: string): Y.Text | null {
  const minutes = agendaOf(doc).get(itemId)?.get('minutes');
  return minutes instanceof Y.Text ? minutes : null;
}

/**
 * Replaces `start`–`end` of an item's minutes with `line` (an action raised
 * from selected words, say), on a line of its own; throws if the minutes would grow past their limit.
 */
export function replaceMinutesRange(doc: Y.Doc, itemId: string, start: number, end: number, line: string): void {
  const minutes = minutesTextOf(doc, itemId);
  if (!minutes) throw new InvalidEdit('That item is no longer on the agenda');
  const current = minutes.toString();
  const from = Math.max(0, Math.min(start, current.length));
  const to = Math.max(from, Math.min(end, current.length));
  const replacement = `${from === 0 || current[from - 1] === '\n' ? '' : '\n'}${line}${current[to] === '\n' ? '' : '\n'}`;
  if (current.length - (to - from) + replacement.length > MEETING_DOC_LIMITS.minutesTextLength) {
    throw new InvalidEdit(`The minutes of an item can be up to ${MEETING_DOC_LIMITS.minutesTextLength} characters`);
  }
  doc.transact(() => {
    if (to > from) minutes.delete(from, to - from);
    minutes.insert(from, replacement);
  });
}

/** Swaps the first `placeholder` in an item's minutes for `text` (a reference once the server gives it); false if it is gone. */
export function replaceInMinutes(doc: Y.Doc, itemId: string, placeholder: string, text: string): boolean {
  const minutes = minutesTextOf(doc, itemId);
  const index = minutes ? minutes.toString().indexOf(placeholder) : -1;
  if (!minutes || index < 0) return false;
  doc.transact(() => {
    minutes.delete(index, placeholder.length);
    minutes.insert(index, text);
  });
  return true;
}
