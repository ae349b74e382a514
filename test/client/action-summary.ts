/**
 * An action as the server lists it: an open, unowned action with nothing
 * filled in but what a test gives. Free of browser and Yjs imports, so the
 * server tests can build one too.
 */
import type { ActionSummary } from '../../shared/api.js';

export function actionSummary(fields: Partial<ActionSummary> = {}): ActionSummary {
  return {
    id: 'a1',
    reference: 'JAG-0001',
    bodyId: 1,
    bodyName: 'Charnwood JAG',
    title: 'Review CCTV',
    description: '',
    owner: null,
    leadAgency: null,
    dueDate: null,
    status: 'open',
    rag: null,
    ragOverride: null,
    ragOverrideReason: '',
    overdue: false,
    theme: '',
    resources: '',
    outcomeMeasure: '',
    sourceMeetingId: null,
    sourceItemId: null,
    latestProgress: null,
    createdAt: '2026-01-05T10:00:00.000Z',
    closedAt: null,
    priorityId: null,
    ...fields,
  };
}
