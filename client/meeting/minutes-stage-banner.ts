/** What a closed meeting's page says about its minutes: who may still edit them, or where they have got to, with the way to the minutes page. */
import { css, html, nothing } from 'lit';
import type { MeetingStatus } from '../../shared/meetings.js';
import type { MinutesStage } from '../../shared/minutes-lifecycle.js';
import { minutesPath } from '../shell/routes.js';

const STAGE_NEWS: Record<MinutesStage, string> = {
  draft: 'Meeting closed — minutes in draft: the chair and secretariat can still edit them.',
  correcting: 'Meeting closed — a correction to the minutes is in progress: the chair and secretariat can edit them.',
  circulated: 'Minutes circulated for comment: the meeting can no longer be changed.',
  approved: 'Minutes confirmed as a correct record.',
  published: 'Minutes confirmed and published.',
};

export function minutesStageBanner(meetingId: number, status: MeetingStatus, stage: MinutesStage) {
  if (status !== 'closed') return nothing;
  return html`<div class="minutes-stage" role="note">
    <p><strong>${STAGE_NEWS[stage]}</strong></p>
    <p><a href=${minutesPath(meetingId)}>${stage === 'circulated' ? 'Read and comment on the minutes' : 'Go to the minutes'}</a></p>
  </div>`;
}

export const minutesStageBannerStyles = css`
  .minutes-stage {
    border-left: 6px solid var(--q-brand);
    background: var(--q-muted-background);
    padding: 0.5rem 1rem;
    margin: 0 0 1rem;
  }
  .minutes-stage p {
    margin: 0.25rem 0;
  }
`;
