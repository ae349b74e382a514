/** The status tag every escalation view shows beside a hop. */
import { css } from 'lit';

export const escalationStyles = css`
  .status-tag {
    display: inline-block;
    padding: 0 0.375rem;
    font-size: 0.875rem;
    font-weight: 700;
    color: var(--q-text);
    background: var(--q-muted-background);
  }
  .status-tag.open {
    color: #fff;
    background: var(--q-brand);
  }
`;
