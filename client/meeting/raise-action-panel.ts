import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../shell/styles.js';

/**
 * Where an action is raised from the minutes: the action form (slotted in by
 * the page, which holds the action log) beside the item, with what will
 * happen to the selected words.
 */
@customElement('raise-action-panel')
export class RaiseActionPanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        margin: 1rem 0;
        border-left: 6px solid var(--q-brand);
        padding-left: 1rem;
      }
      .hint {
        color: var(--q-secondary-text);
        margin: 0 0 0.5rem;
      }
    `,
  ];

  /** The words selected in the minutes, which the action's line will replace. */
  @property({ attribute: false }) selectedText = '';

  override render() {
    return html`<p class="hint">
        ${this.selectedText
          ? 'When you add the action, the selected words in the minutes become its ACTION line, with its reference, owner and due date.'
          : 'When you add the action, an ACTION line with its reference, owner and due date goes in the minutes where the cursor was.'}
      </p>
      <slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'raise-action-panel': RaiseActionPanel;
  }
}
