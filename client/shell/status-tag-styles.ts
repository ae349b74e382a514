/** A status (a meeting's, an escalation's) as a small tag beside what it describes; each feature colours its own states. */
import { css } from 'lit';

export const statusTagStyles = css`
  .status-tag {
    display: inline-block;
    padding: 0 0.375rem;
    font-size: 0.875rem;
    font-weight: 700;
    color: var(--q-text);
    background: var(--q-muted-background);
  }
`;
