/** The lines every view of a priority shows under its title: where it came from, its theme and period, and whether it was acknowledged. */
import { html, nothing } from 'lit';
import type { PersonRef, PrioritySummary } from '../../shared/api.js';
import { formatDate } from '../../shared/dates.js';

/** "From Charnwood CSP · Theme: ASB · Period: 2026–27", leaving out what was not given. */
export function priorityFacts(priority: PrioritySummary) {
  const facts = [`From ${priority.body.name}`, priority.theme && `Theme: ${priority.theme}`, priority.period && `Period: ${priority.period}`].filter(Boolean);
  return html`<p class="facts">${facts.join(' · ')}</p>`;
}

/** "Acknowledged by Priya Shah on 01/12/2026", or that it has not been yet. */
export function acknowledgement(acknowledgedAt: string | null, acknowledgedBy: PersonRef | null) {
  return acknowledgedAt
    ? html`<p class="acknowledged">Acknowledged${acknowledgedBy ? ` by ${acknowledgedBy.name}` : nothing} on ${formatDate(acknowledgedAt)}</p>`
    : html`<p class="not-acknowledged">Not acknowledged yet</p>`;
}
