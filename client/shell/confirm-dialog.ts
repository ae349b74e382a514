import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { dialogStyles } from './dialog-styles.js';
import { baseStyles } from './styles.js';

export interface ConfirmRequest {
  heading: string;
  message: string;
  /** The button that goes ahead, e.g. "Remove item". */
  confirmLabel: string;
}

/**
 * Asks the user to confirm something that cannot be undone, in a modal
 * <dialog> (which traps focus, closes on Escape and returns focus to where it
 * was). Cancel has focus first, so a stray Enter does no harm.
 */
@customElement('confirm-dialog')
export class ConfirmDialog extends LitElement {
  static override styles = [
    baseStyles,
    dialogStyles,
    css`
      dialog {
        max-width: min(32rem, calc(100vw - 2rem));
      }
      button.warning {
        background: var(--q-error);
        box-shadow: 0 2px 0 #55110d;
      }
    `,
  ];

  @state() private _request: ConfirmRequest | null = null;
  @query('dialog') private _dialog!: HTMLDialogElement;
  private _answer: ((confirmed: boolean) => void) | null = null;

  /** Shows the question; resolves true if the user confirms, false if they cancel or press Escape. */
  async ask(request: ConfirmRequest): Promise<boolean> {
    this._answer?.(false);
    this._request = request;
    await this.updateComplete;
    if (!this._dialog.open) this._dialog.showModal();
    return new Promise((resolve) => (this._answer = resolve));
  }

  override render() {
    const request = this._request;
    return html`<dialog aria-labelledby="confirm-heading" aria-describedby="confirm-message" @close=${this._onClose}>
      ${request
        ? html`<h2 id="confirm-heading">${request.heading}</h2>
            <p id="confirm-message">${request.message}</p>
            <div class="actions">
              <button type="button" class="secondary" autofocus @click=${this._onCancelClick}>Cancel</button>
              <button type="button" class="warning" @click=${this._onConfirmClick}>${request.confirmLabel}</button>
            </div>`
        : nothing}
    </dialog>`;
  }

  private _finish(confirmed: boolean) {
    const answer = this._answer;
    this._answer = null;
    if (this._dialog.open) this._dialog.close();
    answer?.(confirmed);
  }

  private _onConfirmClick() {
    this._finish(true);
  }

  private _onCancelClick() {
    this._finish(false);
  }

  // Escape closes the dialog without a click. The event comes a task later, so it
  // may belong to a dialog that has already been answered and opened again.
  private _onClose() {
    if (!this._dialog.open) this._finish(false);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'confirm-dialog': ConfirmDialog;
  }
}
