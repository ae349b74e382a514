/** Form controls and panels shared by the meeting workspace's elements. */
import { css } from 'lit';

export const formStyles = css`
  label,
  .label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .hint {
    display: block;
    color: var(--q-secondary-text);
    margin: 0 0 0.25rem;
  }
  input[type='text'],
  input[type='number'],
  input[type='date'],
  input[type='time'],
  select,
  textarea {
    font: inherit;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.375rem 0.5rem;
    border: 2px solid var(--q-text);
    border-radius: 0;
    background: #fff;
    color: var(--q-text);
  }
  input[type='number'] {
    max-width: 7rem;
  }
  input[readonly],
  textarea[readonly] {
    background: var(--q-muted-background);
  }
  [aria-invalid='true'] {
    border-color: var(--q-error);
    border-width: 3px;
  }
  .field {
    margin: 0 0 1rem;
  }
  .field-error {
    display: block;
    color: var(--q-error);
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .checkbox {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 400;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--q-text);
  }
  ul.plain,
  ol.plain {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  button.small {
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
    font-size: 1rem;
  }
  button.link-like {
    background: none;
    box-shadow: none;
    color: var(--q-link);
    padding: 0.25rem 0;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    font-weight: 600;
    text-align: left;
  }
  button.link-like:hover {
    color: var(--q-link-hover);
    text-decoration-thickness: 3px;
  }
  button.secondary:disabled {
    color: var(--q-secondary-text);
    background: #fff;
    border-color: var(--q-border);
    box-shadow: none;
    cursor: not-allowed;
  }
  button.warning {
    background: var(--q-error);
    box-shadow: 0 2px 0 #55110d;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0.5rem 0;
  }
  .badge {
    display: inline-block;
    padding: 0 0.375rem;
    border: 2px solid currentColor;
    font-size: 0.875rem;
    font-weight: 700;
  }
  .badge.part-two {
    color: #6d2b00;
    background: #fcd6c3;
  }
  .badge.current {
    color: #fff;
    background: var(--q-success);
    border-color: var(--q-success);
  }
  .panel {
    border-top: 4px solid var(--q-brand);
    padding-top: 0.5rem;
  }
  .panel > h2:first-child {
    margin-top: 0.5rem;
  }
`;
