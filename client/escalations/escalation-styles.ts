/** The status tag every escalation view shows beside a hop. */
import { css } from 'lit';
import { statusTagStyles } from '../shell/status-tag-styles.js';

export const escalationStyles = css`
  ${statusTagStyles}
  .status-tag.open {
    color: #fff;
    background: var(--q-brand);
  }
`;
