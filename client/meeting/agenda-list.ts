import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type * as Y from 'yjs';
import { MEETING_DOC_LIMITS, readAgenda, readMeta, type AgendaItem } from '../../shared/meeting-doc.js';
import { ClockController } from '../shell/clock-controller.js';
import { itemTimer } from './item-timer.js';
import { MeetingController } from './meeting-controller.js';
import {
  InvalidEdit,
  addItem,
  agendaTitleProblem,
  makeCurrent,
  minutesAllottedProblem,
  moveItem,
  removeItem,
  renameItem,
  startTimer,
  stopTimer,
} from './meeting-edits.js';
import type { Participant } from './presence.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';
import type { ConfirmDialog } from '../shell/confirm-dialog.js';
import '../shell/confirm-dialog.js';

export const ITEM_SELECTED = 'item-selected';

/**
 * The agenda in running order: open an item's minutes, add, rename, reorder
 * (buttons, or Alt+Arrow keys) and remove items, and for those who run the
 * meeting, set the current item and its timer. Fires `item-selected` with the
 * item's id when the user opens an item.
 */
@customElement('agenda-list')
export class AgendaList extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      ol.items {
        list-style: none;
        margin: 0;
        padding: 0;
        counter-reset: item;
      }
      li.item {
        border-bottom: 1px solid var(--q-border);
        padding: 0.5rem 0 0.5rem 0.75rem;
        border-left: 6px solid transparent;
      }
      li.item.current {
        border-left-color: var(--q-success);
      }
      li.item.selected {
        background: var(--q-highlight-background);
      }
      .item-head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.25rem 0.75rem;
      }
      .number {
        font-weight: 700;
        min-width: 1.75rem;
      }
      button.open {
        flex: 1 1 12rem;
        font-size: 1.0625rem;
      }
      button.open[aria-current='true'] {
        text-decoration-thickness: 3px;
      }
      .allotted,
      .editors {
        color: var(--q-secondary-text);
        font-size: 0.9375rem;
      }
      .timer {
        margin: 0.25rem 0 0;
        font-variant-numeric: tabular-nums;
        font-weight: 700;
      }
      .timer .over {
        color: var(--q-error);
      }
      .rename {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: flex-start;
        margin-top: 0.5rem;
      }
      .rename .field {
        flex: 1 1 14rem;
        margin: 0;
      }
      .total {
        margin: 0.75rem 0;
        color: var(--q-secondary-text);
      }
      form.add {
        margin-top: 1.5rem;
        padding: 1rem;
        background: var(--q-muted-background);
      }
      form.add h3 {
        margin-top: 0;
      }
    `,
  ];

  /** The meeting document. */
  @property({ attribute: false }) doc: Y.Doc | null = null;

  /** The item whose minutes are open, if any. */
  @property({ attribute: false }) selectedItemId: string | null = null;

  /** Other people in the meeting, to show who is editing which item. */
  @property({ attribute: false }) participants: Participant[] = [];

  /** When set, the agenda can be read but not changed. */
  @property({ type: Boolean }) readonly = false;

  /** Chair, vice-chair or secretariat: may set the current item and run its timer. */
  @property({ type: Boolean, attribute: 'runs-meeting' }) runsMeeting = false;

  @state() private _renaming: string | null = null;
  @state() private _renameError = '';
  @state() private _addError: { field: 'title' | 'minutes' | 'form'; message: string } | null = null;
  @state() private _announcement = '';

  @query('confirm-dialog') private _confirm!: ConfirmDialog;

  constructor() {
    super();
    new MeetingController(this, { doc: () => this.doc });
    new ClockController(this, () => this.doc !== null && readMeta(this.doc).timerStartedAt !== null);
  }

  override render() {
    if (!this.doc) return nothing;
    const agenda = readAgenda(this.doc);
    const meta = readMeta(this.doc);
    const total = agenda.reduce((sum, item) => sum + item.minutesAllotted, 0);
    return html`
      <ol class="items" aria-label="Agenda items">
        ${repeat(
          agenda,
          (item) => item.id,
          (item, index) => this._renderItem(item, index, agenda.length, meta.currentItemId, meta.timerStartedAt),
        )}
      </ol>
      <p class="total">${agenda.length} items, ${total} minutes in all</p>
      <p class="visually-hidden" role="status">${this._announcement}</p>
      ${this.readonly ? nothing : this._renderAddForm(agenda.length)}
      <confirm-dialog></confirm-dialog>
    `;
  }

  private _renderItem(item: AgendaItem, index: number, count: number, currentItemId: string | null, timerStartedAt: string | null) {
    const selected = item.id === this.selectedItemId;
    const current = item.id === currentItemId;
    const editors = this.participants.filter((participant) => participant.editing.includes(item.id));
    const timer = current && timerStartedAt ? itemTimer(timerStartedAt, item.minutesAllotted) : null;
    return html`<li class="item ${selected ? 'selected' : ''} ${current ? 'current' : ''}" data-item-id=${item.id}>
      <div class="item-head">
        <span class="number" aria-hidden="true">${index + 1}.</span>
        ${this._renaming === item.id
          ? nothing
          : html`<button
              type="button"
              class="open link-like"
              aria-current=${selected ? 'true' : nothing}
              aria-describedby="item-${item.id}-details"
              @click=${() => this._select(item.id)}
              @keydown=${(event: KeyboardEvent) => this._onItemKeyDown(event, item)}
            >
              <span class="visually-hidden">Item ${index + 1}:</span> ${item.title}
            </button>`}
        <span id="item-${item.id}-details" class="details">
          ${item.partTwo ? html`<span class="badge part-two">Part II (confidential)</span>` : nothing}
          ${current ? html`<span class="badge current">Current item</span>` : nothing}
          <span class="allotted">${item.minutesAllotted} min</span>
          ${editors.length > 0
            ? html`<span class="editors">${editors.map((editor) => editor.user.name).join(', ')} editing</span>`
            : nothing}
        </span>
      </div>
      ${timer
        ? html`<p class="timer" role="timer" aria-live="off">
            Timer: ${timer.text}${timer.overrun ? html` <span class="over">(${timer.overrun} over time)</span>` : nothing}
          </p>`
        : nothing}
      ${this._renaming === item.id ? this._renderRename(item, index) : nothing}
      ${selected && !this.readonly && this._renaming !== item.id ? this._renderItemActions(item, index, count, current, timerStartedAt) : nothing}
    </li>`;
  }

  private _renderItemActions(item: AgendaItem, index: number, count: number, current: boolean, timerStartedAt: string | null) {
    const name = `item ${index + 1}`;
    return html`<div class="actions" role="group" aria-label="Change ${name}">
      <button type="button" class="secondary small" @click=${() => this._startRename(item.id)}>
        Rename <span class="visually-hidden">${name}</span>
      </button>
      <button type="button" class="secondary small" ?disabled=${index === 0} @click=${() => this._move(item, -1)}>
        Move up <span class="visually-hidden">${name}</span>
      </button>
      <button type="button" class="secondary small" ?disabled=${index === count - 1} @click=${() => this._move(item, 1)}>
        Move down <span class="visually-hidden">${name}</span>
      </button>
      <button type="button" class="warning small" @click=${() => this._remove(item, index)}>
        Remove <span class="visually-hidden">${name}</span>
      </button>
      ${this.runsMeeting
        ? current
          ? html`${timerStartedAt
                ? html`<button type="button" class="small" @click=${this._onStopTimerClick}>Stop timer</button>`
                : html`<button type="button" class="small" @click=${this._onStartTimerClick}>Start timer</button>`}
              <button type="button" class="secondary small" @click=${this._onClearCurrentClick}>No current item</button>`
          : html`<button type="button" class="small" @click=${() => this._makeCurrent(item)}>Make current</button>`
        : nothing}
    </div>`;
  }

  private _renderRename(item: AgendaItem, index: number) {
    const id = `rename-${item.id}`;
    return html`<form class="rename" @submit=${(event: SubmitEvent) => this._onRenameSubmit(event, item.id)} novalidate>
      <div class="field">
        <label for=${id}>New title for item ${index + 1}</label>
        ${this._renameError ? html`<span class="field-error" id="${id}-error">${this._renameError}</span>` : nothing}
        <input
          id=${id}
          type="text"
          maxlength=${MEETING_DOC_LIMITS.titleLength}
          .value=${item.title}
          aria-invalid=${this._renameError ? 'true' : 'false'}
          aria-describedby=${this._renameError ? `${id}-error` : nothing}
          @keydown=${(event: KeyboardEvent) => this._onRenameKeyDown(event, item.id)}
        />
      </div>
      <button type="submit" class="small">Save title</button>
      <button type="button" class="secondary small" @click=${() => this._endRename(item.id)}>Cancel</button>
    </form>`;
  }

  private _renderAddForm(count: number) {
    const error = this._addError;
    return html`<form class="add" @submit=${this._onAddSubmit} novalidate aria-labelledby="add-heading">
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
      <div class="field">
        <label class="checkbox"><input name="partTwo" type="checkbox" /> Part II (confidential)</label>
      </div>
      <button type="submit" ?disabled=${count >= MEETING_DOC_LIMITS.agendaItems}>Add item</button>
    </form>`;
  }

  private _select(itemId: string) {
    this.dispatchEvent(new CustomEvent(ITEM_SELECTED, { detail: itemId, bubbles: true, composed: true }));
  }

  private async _focusItem(itemId: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`li[data-item-id="${itemId}"] button.open`)?.focus();
  }

  private _onItemKeyDown(event: KeyboardEvent, item: AgendaItem) {
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const direction = event.key === 'ArrowUp' ? -1 : 1;
    if (event.altKey) {
      if (!this.readonly) this._move(item, direction);
      return;
    }
    // Plain arrows step between items, as in a list.
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('button.open')];
    const index = buttons.indexOf(event.currentTarget as HTMLElement);
    buttons[index + direction]?.focus();
  }

  private _move(item: AgendaItem, direction: -1 | 1) {
    if (!this.doc || !moveItem(this.doc, item.id, direction)) return;
    const position = readAgenda(this.doc).findIndex((each) => each.id === item.id) + 1;
    this._announcement = `${item.title} moved to position ${position}`;
    void this._focusItem(item.id);
  }

  private async _remove(item: AgendaItem, index: number) {
    const confirmed = await this._confirm.ask({
      heading: `Remove item ${index + 1}?`,
      message: `“${item.title}” will be removed from the agenda with its minutes and decisions, for everyone in the meeting.`,
      confirmLabel: 'Remove item',
    });
    if (!confirmed || !this.doc) return;
    const agenda = readAgenda(this.doc);
    const neighbour = agenda[index + 1] ?? agenda[index - 1];
    removeItem(this.doc, item.id, { runsMeeting: this.runsMeeting });
    this._announcement = `${item.title} removed`;
    if (neighbour) {
      this._select(neighbour.id);
      void this._focusItem(neighbour.id);
    }
  }

  private async _startRename(itemId: string) {
    this._renaming = itemId;
    this._renameError = '';
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#rename-${itemId}`);
    input?.focus();
    input?.select();
  }

  private _endRename(itemId: string) {
    this._renaming = null;
    this._renameError = '';
    void this._focusItem(itemId);
  }

  private _onRenameKeyDown(event: KeyboardEvent, itemId: string) {
    if (event.key === 'Escape') {
      event.preventDefault();
      this._endRename(itemId);
    }
  }

  private _onRenameSubmit(event: SubmitEvent, itemId: string) {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#rename-${itemId}`)!;
    const problem = agendaTitleProblem(input.value);
    if (problem) {
      this._renameError = problem;
      input.focus();
      return;
    }
    if (this.doc) renameItem(this.doc, itemId, input.value);
    this._endRename(itemId);
  }

  private _onAddSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!this.doc) return;
    const form = event.currentTarget as HTMLFormElement;
    const title = (form.elements.namedItem('title') as HTMLInputElement).value;
    const minutesInput = form.elements.namedItem('minutes') as HTMLInputElement;
    const minutes = minutesInput.value.trim() === '' ? Number.NaN : Number(minutesInput.value);
    const partTwo = (form.elements.namedItem('partTwo') as HTMLInputElement).checked;
    const titleProblem = agendaTitleProblem(title);
    const minutesProblem = minutesAllottedProblem(minutes);
    if (titleProblem || minutesProblem) {
      this._addError = titleProblem ? { field: 'title', message: titleProblem } : { field: 'minutes', message: minutesProblem! };
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>(titleProblem ? '#new-title' : '#new-minutes')?.focus(),
      );
      return;
    }
    try {
      addItem(this.doc, { title, minutesAllotted: minutes, partTwo });
    } catch (error) {
      if (!(error instanceof InvalidEdit)) throw error;
      this._addError = { field: 'form', message: error.message };
      return;
    }
    this._addError = null;
    this._announcement = `${title.trim()} added to the agenda`;
    form.reset();
    (form.elements.namedItem('title') as HTMLInputElement).focus();
  }

  private _makeCurrent(item: AgendaItem) {
    if (!this.doc) return;
    makeCurrent(this.doc, item.id);
    this._announcement = `${item.title} is now the current item`;
  }

  private _onClearCurrentClick() {
    if (this.doc) makeCurrent(this.doc, null);
  }

  private _onStartTimerClick() {
    if (this.doc) startTimer(this.doc);
  }

  private _onStopTimerClick() {
    if (this.doc) stopTimer(this.doc);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'agenda-list': AgendaList;
  }
  interface HTMLElementEventMap {
    [ITEM_SELECTED]: CustomEvent<string>;
  }
}
