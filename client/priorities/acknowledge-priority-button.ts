import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { explainApiError } from '../shell/api-errors.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';
import { acknowledgePriority } from './priority-api.js';

export const PRIORITY_ACKNOWLEDGED = 'priority-acknowledged';

/** What `priority-acknowledged` says: which priority, for which body, so the page can say so and fetch again. */
export interface PriorityAcknowledged {
  priorityId: number;
  bodyId: number;
  title: string;
}

/**
 * A chair's "Acknowledge" for a priority routed to their body: tells the
 * server, then fires `priority-acknowledged`; says why if it could not.
 */
@customElement('acknowledge-priority-button')
export class AcknowledgePriorityButton extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
        margin: 0.5rem 0;
      }
    `,
  ];

  /** The priority to acknowledge. */
  @property({ type: Number, attribute: 'priority-id' }) priorityId = 0;

  /** The receiving body it is acknowledged for. */
  @property({ type: Number, attribute: 'body-id' }) bodyId = 0;

  /** The priority's title, to name the button's purpose to screen readers. */
  @property({ attribute: 'priority-title' }) priorityTitle = '';

  /** The receiving body's name, where one page lists several bodies. */
  @property({ attribute: 'body-name' }) bodyName = '';

  @state() private _sending = false;
  @state() private _error = '';

  override render() {
    const forWhat = `${this.priorityTitle}${this.bodyName ? ` for ${this.bodyName}` : ''}`;
    return html`<button type="button" class="small" ?disabled=${this._sending} @click=${this._onClick}>
        Acknowledge<span class="visually-hidden">: ${forWhat}</span>
      </button>
      ${this._error ? html`<p class="field-error" role="alert">${this._error}</p>` : nothing}`;
  }

  private async _onClick() {
    this._sending = true;
    this._error = '';
    try {
      await acknowledgePriority(this.priorityId, this.bodyId);
      const detail: PriorityAcknowledged = { priorityId: this.priorityId, bodyId: this.bodyId, title: this.priorityTitle };
      this.dispatchEvent(new CustomEvent(PRIORITY_ACKNOWLEDGED, { detail, bubbles: true, composed: true }));
    } catch (error) {
      this._error = explainApiError(this, error);
    } finally {
      this._sending = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'acknowledge-priority-button': AcknowledgePriorityButton;
  }
  interface HTMLElementEventMap {
    [PRIORITY_ACKNOWLEDGED]: CustomEvent<PriorityAcknowledged>;
  }
}
