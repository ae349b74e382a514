/** The look of a modal <dialog>: a heavy border over a dimmed page, its buttons in a row at the foot. Each element sets the width. */
import { css } from 'lit';

export const dialogStyles = css`
  dialog {
    border: 4px solid var(--q-text);
    padding: 1.5rem;
  }
  dialog::backdrop {
    background: rgb(11 12 12 / 60%);
  }
  dialog h2 {
    margin-top: 0;
  }
  dialog .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    margin-top: 1.5rem;
  }
`;
