/** Actions: statuses, RAG and overdue, by the London calendar. */
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped', 'escalated'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
  escalated: 'Escalated',
};

export const RAGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];

export const RAG_LABELS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** Done and dropped actions are closed: no longer outstanding. */
export const isClosedStatus = (status: ActionStatus) => status === 'done' || status === 'dropped';

/** Days before the due date at which an action turns amber. */
export const AMBER_WITHIN_DAYS = 14;

/** A date-only value, YYYY-MM-DD, compared as text. */
export type IsoDate = string;

function addDays(date: IsoDate, days: number): IsoDate {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** Today's date in Europe/London, as YYYY-MM-DD. */
export function londonToday(now = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function isOverdue(action: { status: ActionStatus; dueDate: IsoDate | null }, today: IsoDate): boolean {
  return !isClosedStatus(action.status) && action.dueDate !== null && action.dueDate < today;
}

/**
 * RAG from the due date and status: red when overdue, amber when due within
 * two weeks or undated, green otherwise; closed actions have none. A chair's
 * override, given with a reason, wins while the action is outstanding.
 */
export function actionRag(
  action: { status: ActionStatus; dueDate: IsoDate | null; ragOverride: Rag | null },
  today: IsoDate,
): Rag | null {
  if (isClosedStatus(action.status)) return null;
  if (action.ragOverride) return action.ragOverride;
  if (action.dueDate === null) return 'amber';
  if (action.dueDate < today) return 'red';
  if (action.dueDate <= addDays(today, AMBER_WITHIN_DAYS)) return 'amber';
  return 'green';
}
