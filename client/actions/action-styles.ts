/** RAG tags and the action tables' look, shared by the action log, my actions and the meeting's action review. */
import { css } from 'lit';

export const actionStyles = css`
  .rag {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    font-weight: 700;
    white-space: nowrap;
  }
  .rag::before {
    content: '';
    width: 0.875rem;
    height: 0.875rem;
    border-radius: 50%;
    border: 2px solid var(--q-text);
    flex: none;
  }
  .rag.red::before {
    background: #d4351c;
  }
  .rag.amber::before {
    background: #f47738;
  }
  .rag.green::before {
    background: #00703c;
  }
  .rag.none::before {
    background: #fff;
  }
  .overdue {
    color: var(--q-error);
    font-weight: 700;
  }
  /* The form styles' button row is also called .actions; a table must stay a table. */
  table.actions {
    display: table;
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9375rem;
  }
  table.actions th,
  table.actions td {
    text-align: left;
    vertical-align: top;
    padding: 0.5rem 0.5rem;
    border-bottom: 1px solid var(--q-border);
  }
  table.actions thead th {
    border-bottom: 2px solid var(--q-text);
    white-space: nowrap;
  }
  /* Positioned, so the visually hidden labels in its cells scroll with it instead of widening the page. */
  .table-scroll {
    position: relative;
    overflow-x: auto;
    max-width: 100%;
  }
  .reference {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
`;
