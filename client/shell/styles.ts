/**
 * Colours, focus and type shared by every element's shadow root. Colours are
 * GOV.UK's palette, chosen because each passes WCAG 2.2 AA on white.
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    --q-text: #0b0c0c;
    --q-secondary-text: #484949;
    --q-link: #1d70b8;
    --q-link-visited: #4c2c92;
    --q-link-hover: #003078;
    --q-border: #b1b4b6;
    --q-muted-background: #f3f2f1;
    --q-brand: #1d3a5f;
    --q-highlight: #1d70b8;
    --q-highlight-background: #e8f1f8;
    --q-error: #b3261e;
    --q-success: #00703c;
    --q-focus: #ffdd00;
    color: var(--q-text);
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
    line-height: 1.5;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  a {
    color: var(--q-link);
    text-underline-offset: 0.15em;
  }
  a:visited {
    color: var(--q-link-visited);
  }
  a:hover {
    color: var(--q-link-hover);
    text-decoration-thickness: 3px;
  }

  /* A yellow ring inside a black one shows on light and dark backgrounds alike. */
  :focus-visible {
    outline: 3px solid var(--q-text);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--q-focus);
  }
  [tabindex='-1']:focus {
    outline: none;
    box-shadow: none;
  }

  h1 {
    font-size: clamp(1.75rem, 1.3rem + 2vw, 2.5rem);
    line-height: 1.15;
    margin: 0 0 1.5rem;
  }
  h2 {
    font-size: 1.5rem;
    line-height: 1.2;
    margin: 2rem 0 1rem;
  }
  h3 {
    font-size: 1.125rem;
    margin: 1.5rem 0 0.5rem;
  }

  button {
    font: inherit;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 2px solid transparent;
    border-radius: 0;
    background: #00703c;
    box-shadow: 0 2px 0 #002d18;
    color: #fff;
    font-weight: 600;
    cursor: pointer;
  }
  button:hover {
    background: #005a30;
  }
  button:disabled {
    background: #5e8c74;
    cursor: progress;
  }
  button.secondary {
    background: #f3f2f1;
    color: var(--q-text);
    box-shadow: 0 2px 0 #929191;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  .status {
    color: var(--q-secondary-text);
    font-size: 1.125rem;
  }

  .error-panel {
    border: 4px solid var(--q-error);
    padding: 1rem 1.25rem;
    margin: 0 0 1.5rem;
  }
  .error-panel h2 {
    margin: 0 0 0.5rem;
    font-size: 1.25rem;
  }
  .error-panel p {
    margin: 0;
  }
`;
