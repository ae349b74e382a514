import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { baseStyles } from '../shell/styles.js';

/** The meeting page's keyboard shortcuts, listed where a keyboard user can find them. */
@customElement('meeting-shortcuts')
export class MeetingShortcuts extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        margin-top: 2rem;
      }
      summary {
        cursor: pointer;
        color: var(--q-link);
        font-weight: 600;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
      }
      dd {
        margin: 0;
      }
      kbd {
        font-family: inherit;
        font-weight: 700;
        border: 1px solid var(--q-border);
        padding: 0 0.25rem;
        background: #fff;
      }
    `,
  ];

  override render() {
    return html`<details class="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl>
        <dt><kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>R</kbd></dt>
        <dd>Go to the meeting controls (Start or Close meeting, current item and timer)</dd>
        <dt><kbd>Tab</kbd> / <kbd>Shift</kbd>+<kbd>Tab</kbd></dt>
        <dd>Move between items, fields and buttons</dd>
        <dt><kbd>↑</kbd> / <kbd>↓</kbd> on an agenda item</dt>
        <dd>Go to the previous or next item</dd>
        <dt><kbd>Enter</kbd> on an agenda item</dt>
        <dd>Open its minutes and decisions, and show its buttons</dd>
        <dt><kbd>Alt</kbd>+<kbd>↑</kbd> / <kbd>Alt</kbd>+<kbd>↓</kbd> on an agenda item</dt>
        <dd>Move the item up or down the agenda</dd>
        <dt><kbd>Enter</kbd> / <kbd>Escape</kbd> while renaming</dt>
        <dd>Save or cancel the new title</dd>
        <dt><kbd>Enter</kbd> or <kbd>Space</kbd> on Present, Apologies or Absent</dt>
        <dd>Record that person’s attendance (moving between the buttons changes nothing)</dd>
        <dt><kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>A</kbd> in the minutes</dt>
        <dd>Raise an action; the selected words become its title, and its ACTION line replaces them in the minutes</dd>
        <dt><kbd>Escape</kbd> in the action form</dt>
        <dd>Cancel, and go back to the minutes</dd>
        <dt><kbd>Escape</kbd> in a confirmation</dt>
        <dd>Cancel</dd>
      </dl>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'meeting-shortcuts': MeetingShortcuts;
  }
}
