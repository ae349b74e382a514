/** Escalations in the demo partnership: Youth JAG → Charnwood JAG → Charnwood CSP. */
import type { EscalationSummary } from '../../../shared/api.js';
import { actionSummary } from '../action-summary.js';

const youthJag = { id: 8, name: 'Youth JAG' };
const jag = { id: 5, name: 'Charnwood JAG' };
const csp = { id: 3, name: 'Charnwood Community Safety Partnership' };
const spb = { id: 1, name: 'Strategic Partnership Board' };
export const escalationBodies = { youthJag, jag, csp, spb };

const priya = { id: 7, name: 'Priya Shah' };
const kim = { id: 21, name: 'Kim Lee' };
const raj = { id: 30, name: 'Raj Mistry' };

export function hop(fields: Partial<EscalationSummary> & Pick<EscalationSummary, 'id'>): EscalationSummary {
  return {
    status: 'open',
    originBody: jag,
    fromBody: jag,
    toBody: csp,
    summary: 'Repeat fly-tipping behind Ashby Road shops needs CCTV funding.',
    reason: 'The JAG has no budget for cameras.',
    raisedBy: priya,
    raisedAt: '2026-11-20T10:00:00.000Z',
    answer: null,
    originAction: { bodyId: 5, id: 'a1', reference: 'JAG-0001', title: 'Close the alleyway on Ashby Road', status: 'escalated' },
    adoptedAction: null,
    previousId: null,
    nextId: null,
    ...fields,
  };
}

/** Youth JAG escalated to the JAG, which passed it on to the CSP, where it awaits an answer. */
export const youthChain: EscalationSummary[] = [
  hop({
    id: 40,
    status: 'escalated',
    originBody: youthJag,
    fromBody: youthJag,
    toBody: jag,
    summary: 'A group of young people at risk of exploitation around the station.',
    reason: 'Needs police and council resources beyond the sub-group.',
    raisedBy: kim,
    raisedAt: '2026-11-02T09:00:00.000Z',
    answer: { status: 'escalated', text: 'Needs the CSP’s funding.', by: priya, at: '2026-11-10T14:30:00.000Z' },
    originAction: null,
    nextId: 41,
  }),
  hop({
    id: 41,
    originBody: youthJag,
    fromBody: jag,
    toBody: csp,
    summary: 'Exploitation risk around the station: joint patrols and outreach needed.',
    reason: 'Cross-agency funding is decided at the CSP.',
    raisedAt: '2026-11-10T14:30:00.000Z',
    originAction: null,
    previousId: 40,
  }),
];

export const adoptedAction = actionSummary({
  id: 'c9',
  reference: 'CSP-0012',
  bodyId: 3,
  bodyName: csp.name,
  title: 'Fund CCTV behind Ashby Road shops',
  createdAt: '2026-11-25T09:00:00.000Z',
});

export const acceptedHop = hop({
  id: 42,
  status: 'accepted',
  answer: { status: 'accepted', text: 'We will fund it from the CSP budget.', by: raj, at: '2026-11-25T09:00:00.000Z' },
  adoptedAction: { bodyId: 3, id: 'c9', reference: 'CSP-0012', title: adoptedAction.title, status: 'open' },
});

/** Wait for any fetches and renders a click set off. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

export const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
