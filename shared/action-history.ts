/**
 * The changes an action's history records, by the key stored with each change
 * and the label people read. The projection writes these keys; the API and
 * the action page show the labels.
 */
export const ACTION_HISTORY_FIELDS = {
  created: 'Raised',
  removed: 'Removed from the log',
  reference: 'Reference',
  title: 'Title',
  owner: 'Owner',
  'lead agency': 'Lead agency',
  'due date': 'Due date',
  status: 'Status',
  'RAG override': 'RAG override',
  theme: 'Theme',
  resources: 'Financial and resource implications',
  'outcome measure': 'Outcome target and performance measure',
  priority: 'Priority served',
  progress: 'Progress',
} as const;

export type ActionHistoryField = keyof typeof ACTION_HISTORY_FIELDS;

export const historyLabel = (field: string): string => ACTION_HISTORY_FIELDS[field as ActionHistoryField] ?? field;
