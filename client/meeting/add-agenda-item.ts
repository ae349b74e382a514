import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MEETING_DOC_LIMITS } from '../../shared/meeting-doc.js';
import { InvalidEdit, agendaTitleProblem, minutesAllottedProblem } from './meeting-edits.js';
import { MeetingController } from './meeting-controller.js';
import type { MeetingStore } from './meeting-store.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';

export const ITEM_ADDED = 'item-added';

export interface ItemAdded {
  itemId: string;
  title: string;
}

/**
 * The form that adds an agenda item. A new item goes before the closing
 * items ("Any other business", "Date of next meeting"), or, if the user
 * chooses, just after the item they have open. Fires `item-added`.
 */
@customElement('add-agenda-item')
export class AddAgendaItem extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      form {
        margin-top: 1.5rem;
        padding: 1rem;
        background: var(--q-muted-background);
      }
      h3 {
        margin-top: 0;
      }
    `,
  ];

  /** The meeting, as its store. */
  @property({ attribute: false }) store: MeetingStore | null = null;

  /** The item open in the workspace, which a new item may follow. */
  @property({ attribute: false }) selectedItemId: string | null = null;

  @state() private _error: { field: 'title' | 'minutes' | 'form'; message: string } | null = null;

  constructor() {
    super();
    new MeetingController(this, { store: () => this.store });
  }

  override render() {
    if (!this.store) return nothing;
    const error = this._error;
    const agenda = this.store.agenda;
    const selected = this.selectedItemId ? this.store.item(this.selectedItemId) : undefined;
    return html`<form @submit=${this._onSubmit} novalidate aria-labelledby="add-heading">
      <h3 id="add-heading">Add an agenda item</h3>
      ${error?.field === 'form' ? html`<p class="field-error" role="alert">${error.message}</p>` : nothing}
      <div class="field">
        <label for="new-title">Title</label>
        ${error?.field === 'title' ? html`<span class="field-error" id="new-title-error">${error.message}</span>` : nothing}
        <input
          id="new-title"
          name="title"
          type="text"
          maxlength=${MEETING_DOC_LIMITS.titleLength}
          aria-invalid=${error?.field === 'title' ? 'true' : 'false'}
          aria-describedby=${error?.field === 'title' ? 'new-title-error' : nothing}
        />
      </div>
      <div class="field">
        <label for="new-minutes">Time allotted, in minutes</label>
        ${error?.field === 'minutes' ? html`<span class="field-error" id="new-minutes-error">${error.message}</span>` : nothing}
        <input
          id="new-minutes"
          name="minutes"
          type="number"
          inputmode="numeric"
          min="0"
          max=${MEETING_DOC_LIMITS.minutesAllotted}
          value="10"
          aria-invalid=${error?.field === 'minutes' ? 'true' : 'false'}
          aria-describedby=${error?.field === 'minutes' ? 'new-minutes-error' : nothing}
        />
      </div>
      ${selected
        ? html`<div class="field">
            <label for="new-place">Where on the agenda</label>
            <select id="new-place" name="place">
              <option value="" selected>Before the closing items (Any other business, Date of next meeting)</option>
              <option value=${selected.id}>After “${selected.title}”</option>
            </select>
          </div>`
        : nothing}
      <div class="field">
        <label class="checkbox"><input name="partTwo" type="checkbox" /> Part II (confidential)</label>
      </div>
      <button type="submit" ?disabled=${agenda.length >= MEETING_DOC_LIMITS.agendaItems}>Add item</button>
    </form>`;
  }

  private _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!this.store) return;
    const form = event.currentTarget as HTMLFormElement;
    const title = (form.elements.namedItem('title') as HTMLInputElement).value;
    const minutesInput = form.elements.namedItem('minutes') as HTMLInputElement;
    const minutes = minutesInput.value.trim() === '' ? Number.NaN : Number(minutesInput.value);
    const partTwo = (form.elements.namedItem('partTwo') as HTMLInputElement).checked;
    const after = (form.elements.namedItem('place') as HTMLSelectElement | null)?.value || null;
    const titleProblem = agendaTitleProblem(title);
    const minutesProblem = minutesAllottedProblem(minutes);
    if (titleProblem || minutesProblem) {
      this._error = titleProblem ? { field: 'title', message: titleProblem } : { field: 'minutes', message: minutesProblem! };
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(titleProblem ? '#new-title' : '#new-minutes')?.focus());
      return;
    }
    let itemId: string;
    try {
      itemId = this.store.addItem({ title, minutesAllotted: minutes, partTwo }, after);
    } catch (error) {
      if (!(error instanceof InvalidEdit)) throw error;
      this._error = { field: 'form', message: error.message };
      return;
    }
    this._error = null;
    form.reset();
    (form.elements.namedItem('title') as HTMLInputElement).focus();
    const detail: ItemAdded = { itemId, title: title.trim() };
    this.dispatchEvent(new CustomEvent(ITEM_ADDED, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'add-agenda-item': AddAgendaItem;
  }
  interface HTMLElementEventMap {
    [ITEM_ADDED]: CustomEvent<ItemAdded>;
  }
}
