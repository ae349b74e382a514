/** Priorities as the server answers for them, in the demo partnership: the CSP's priorities to the JAG, and the JAG's own. */
import type { ActionSummary, BodyPrioritiesResponse, PriorityResponse, PrioritySummary, ReceivedPriority } from '../../../shared/api.js';
import { actionSummary } from '../action-summary.js';
import { agencies } from '../fake-api.js';

export const csp = { id: 3, name: 'Charnwood Community Safety Partnership' };
export const jag = { id: 5, name: 'Charnwood JAG' };
export const ppep = { id: 6, name: 'Prevent, Protect and Early Partnership' };
export const youthJag = { id: 8, name: 'Youth JAG' };
export const adultsAtRisk = { id: 9, name: 'Adults at Risk' };
export const pzPeople = { id: 10, name: 'People Zone People Group' };

export const repeatAsb: PrioritySummary = {
  id: 41,
  body: csp,
  title: 'Reduce repeat anti-social behaviour',
  description: 'Cut repeat calls about the same places by a quarter.',
  theme: 'ASB',
  period: '2026 to 2027',
  publishedBy: { id: 3, name: 'Cllr Helen Ward' },
  publishedAt: '2026-11-02T10:00:00.000Z',
  targets: [jag, ppep],
};

export const safeNightTime: PrioritySummary = {
  ...repeatAsb,
  id: 42,
  title: 'A safe night-time economy',
  description: 'Fewer assaults in the town centre after dark.',
  theme: '',
  period: '',
  publishedAt: '2026-10-05T10:00:00.000Z',
  targets: [jag],
};

export const received: ReceivedPriority[] = [
  { ...repeatAsb, receivingBody: jag, acknowledgedAt: null, acknowledgedBy: null },
  { ...safeNightTime, receivingBody: jag, acknowledgedAt: '2026-10-09T14:00:00.000Z', acknowledgedBy: { id: 7, name: 'Priya Shah' } },
];

export const sentByJag: PrioritySummary = {
  id: 51,
  body: jag,
  title: 'Young people safe in the parks',
  description: 'Patrols and youth work in the parks.',
  theme: 'Youth',
  period: 'Winter 2026',
  publishedBy: { id: 7, name: 'Priya Shah' },
  publishedAt: '2026-11-20T10:00:00.000Z',
  targets: [youthJag, pzPeople],
};

export const jagPriorities: BodyPrioritiesResponse = {
  received,
  sent: [sentByJag],
  canPublish: true,
  below: [youthJag, adultsAtRisk, pzPeople],
};

function linkedAction(id: string, reference: string, title: string, fields: Partial<ActionSummary>): ActionSummary {
  return actionSummary({
    id, reference, bodyId: 5, bodyName: 'Charnwood JAG', title, owner: { id: 10, name: 'PC Dan Moore' },
    leadAgency: agencies.police, dueDate: '2026-12-15', rag: 'green', theme: 'ASB',
    createdAt: '2026-11-03T09:00:00.000Z', priorityId: 41, ...fields,
  });
}

/** The CSP's priority as the JAG's chair sees it: the JAG's actions listed, PPEP's hidden from a non-member. */
export const repeatAsbThread: PriorityResponse = {
  priority: {
    ...repeatAsb,
    bodies: [
      {
        body: jag,
        acknowledgedAt: '2026-11-04T09:30:00.000Z',
        acknowledgedBy: { id: 7, name: 'Priya Shah' },
        actions: [
          linkedAction('a1', 'JAG-0004', 'Map repeat ASB locations', { dueDate: '2026-11-01', rag: 'red', overdue: true }),
          linkedAction('a2', 'JAG-0007', 'Extra patrols on Ashby Road', { status: 'in-progress', owner: { id: 11, name: 'Sam Patel' }, rag: 'amber' }),
          linkedAction('a3', 'JAG-0002', 'Close the alleyway', { status: 'done', rag: null, closedAt: '2026-11-20T10:00:00.000Z' }),
        ],
        actionsHidden: false,
        counts: { done: 1, outstanding: 2, overdue: 1 },
      },
      { body: ppep, acknowledgedAt: null, acknowledgedBy: null, actions: [], actionsHidden: true, counts: { done: 0, outstanding: 3, overdue: 0 } },
    ],
  },
  canAcknowledgeFor: [],
};
