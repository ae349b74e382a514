/**
 * The line an action raised from the minutes leaves in them, in the form
 * minutes use: `ACTION JAG-0042 (Daniel Okafor, by 15/01/2027): Leaflet drop`.
 * The server numbers an action a moment after it is added, so the line is
 * written at once with a placeholder and finished when the reference arrives.
 */
import { formatDate } from '../../shared/dates.js';

export const REFERENCE_TO_FOLLOW = '(reference to follow)';

export interface RaisedAction {
  reference: string | null;
  title: string;
  ownerName: string;
  /** ISO date, or null for none. */
  dueDate: string | null;
}

export function raisedActionLine({ reference, title, ownerName, dueDate }: RaisedAction): string {
  const who = [ownerName || 'no owner yet', dueDate ? `by ${formatDate(`${dueDate}T12:00:00Z`)}` : 'no due date'].join(', ');
  return `ACTION ${reference ?? REFERENCE_TO_FOLLOW} (${who}): ${title}`;
}

/** What the line needs from the body's action log (its `ActionLogStore` has both): an action's reference and due date, and word of changes. */
export interface ActionLookup {
  action(actionId: string): { reference: string | null; dueDate: string | null } | undefined;
  subscribe(listener: () => void): () => void;
}

/** Where in the minutes an action was raised from. */
export interface RaisedFrom {
  itemId: string;
  selectionStart: number;
  selectionEnd: number;
}

/** The minutes edits the line needs (the meeting store has them). */
export interface MinutesLines {
  replaceMinutesRange(itemId: string, start: number, end: number, line: string): void;
  replaceInMinutes(itemId: string, placeholder: string, text: string): boolean;
}

/**
 * Writes raised actions' lines into the minutes and finishes each when the
 * server numbers its action. Outlives the form that raised them (it closes at
 * once); `dispose` stops waiting, leaving any placeholder for a person to fix.
 */
export class RaisedActionLines {
  private readonly waiting = new Set<() => void>();

  /** Replaces the selection with the action's line; throws InvalidEdit if the minutes are full. */
  record(minutes: MinutesLines, lookup: ActionLookup, from: RaisedFrom, added: { actionId: string; title: string; ownerName: string }): void {
    const known = lookup.action(added.actionId);
    const line = (reference: string | null) =>
      raisedActionLine({ reference, title: added.title, ownerName: added.ownerName, dueDate: known?.dueDate ?? null });
    minutes.replaceMinutesRange(from.itemId, from.selectionStart, from.selectionEnd, line(known?.reference ?? null));
    if (known?.reference) return;
    const placeholder = line(null);
    const finish = () => {
      const reference = lookup.action(added.actionId)?.reference;
      if (!reference) return;
      stop();
      minutes.replaceInMinutes(from.itemId, placeholder, line(reference));
    };
    const unsubscribe = lookup.subscribe(finish);
    const stop = () => {
      unsubscribe();
      this.waiting.delete(stop);
    };
    this.waiting.add(stop);
  }

  dispose(): void {
    for (const stop of [...this.waiting]) stop();
  }
}
