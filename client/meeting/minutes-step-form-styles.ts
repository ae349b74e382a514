import { css } from 'lit';

/** The panel a minutes step's form (confirming, issuing a correction) opens in. */
export const minutesStepFormStyles = css`
  :host {
    display: block;
  }
  form {
    padding: 1rem 1.25rem;
    background: var(--q-muted-background);
    max-width: 36rem;
  }
  h3 {
    margin-top: 0;
  }
`;
