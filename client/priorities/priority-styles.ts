/** How the priorities pages set out a priority: its card, the facts beside it and the counts of the golden thread. */
import { css } from 'lit';

export const priorityStyles = css`
  .caption {
    color: var(--q-secondary-text);
    font-size: 1.125rem;
    margin: 0 0 0.25rem;
  }
  ul.priorities {
    list-style: none;
    padding: 0;
    margin: 0 0 2rem;
  }
  .priority {
    border-left: 6px solid var(--q-brand);
    background: var(--q-muted-background);
    padding: 0.75rem 1.25rem;
    margin: 0 0 1rem;
  }
  .priority h3 {
    margin: 0 0 0.25rem;
  }
  .priority p {
    margin: 0.25rem 0;
  }
  .facts {
    color: var(--q-secondary-text);
  }
  .description {
    white-space: pre-line;
  }
  .acknowledged {
    font-weight: 600;
  }
  .not-acknowledged {
    font-weight: 600;
    color: var(--q-error);
  }
  dl.counts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 2rem;
    margin: 0.5rem 0;
  }
  dl.counts div {
    display: flex;
    gap: 0.5rem;
  }
  dl.counts dt {
    font-weight: 600;
  }
  dl.counts dd {
    margin: 0;
  }
`;
