import { css } from 'lit';

/** Lists on the home page: one row per meeting or action, with its details beneath. */
export const homeListStyles = css`
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  ul.plain > li {
    padding: 0.75rem 0;
    border-bottom: 1px solid var(--q-border);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    color: var(--q-secondary-text);
  }
  .meta time {
    color: var(--q-text);
  }
  .title {
    font-weight: 700;
  }
`;
