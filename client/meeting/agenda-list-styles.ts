/** How the agenda looks: the running order, the open item and its controls, the timer. */
import { css } from 'lit';

export const agendaListStyles = css`
  :host {
    display: block;
  }
  ol.items {
    list-style: none;
    margin: 0;
    padding: 0;
    counter-reset: item;
  }
  li.item {
    border-bottom: 1px solid var(--q-border);
    padding: 0.5rem 0 0.5rem 0.75rem;
    border-left: 6px solid transparent;
  }
  li.item.current {
    border-left-color: var(--q-success);
  }
  li.item.selected {
    background: var(--q-highlight-background);
  }
  .item-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }
  .number {
    font-weight: 700;
    min-width: 1.75rem;
  }
  button.open {
    flex: 1 1 12rem;
    font-size: 1.0625rem;
  }
  button.open[aria-current='true'] {
    text-decoration-thickness: 3px;
  }
  .allotted,
  .editors {
    color: var(--q-secondary-text);
    font-size: 0.9375rem;
  }
  .timer {
    margin: 0.25rem 0 0;
    font-variant-numeric: tabular-nums;
    font-weight: 700;
  }
  .timer .over {
    color: var(--q-error);
  }
  .rename {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: flex-start;
    margin-top: 0.5rem;
  }
  .rename .field {
    flex: 1 1 14rem;
    margin: 0;
  }
  .exemption {
    margin: 0.5rem 0 0;
  }
  .total {
    margin: 0.75rem 0;
    color: var(--q-secondary-text);
  }
`;
