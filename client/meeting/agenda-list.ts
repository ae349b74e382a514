import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { AgendaItem } from '../../shared/meeting-doc.js';
import { ClockController } from '../shell/clock-controller.js';
import { exemptionChoice, itemActions, renameForm } from './agenda-item-controls.js';
import { agendaListStyles } from './agenda-list-styles.js';
import { itemTimer } from './item-timer.js';
import { MeetingController } from './meeting-controller.js';
import { agendaTitleProblem } from './meeting-edits.js';
import type { MeetingStore } from './meeting-store.js';
import './add-agenda-item.js';
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
  static override styles = [baseStyles, formStyles, agendaListStyles];

  /** The meeting, as its store. */
  @property({ attribute: false }) store: MeetingStore | null = null;

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
  @state() private _announcement = '';

  @query('confirm-dialog') private _confirm!: ConfirmDialog;

  constructor() {
    super();
    new MeetingController(this, { store: () => this.store });
    new ClockController(this, () => this.store?.snapshot.timerStartedAt != null);
  }

  override render() {
    if (!this.store) return nothing;
    const meta = this.store.snapshot;
    const agenda = meta.agenda;
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
      ${this.readonly
        ? nothing
        : html`<add-agenda-item .store=${this.store} .selectedItemId=${this.selectedItemId} @item-added=${this._onItemAdded}></add-agenda-item>`}
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
      ${this._renaming === item.id
        ? renameForm({
            item,
            index,
            error: this._renameError,
            onSubmit: (event) => this._onRenameSubmit(event, item.id),
            onKeyDown: (event) => this._onRenameKeyDown(event, item.id),
            onCancel: () => this._endRename(item.id),
          })
        : nothing}
      ${selected && !this.readonly && this._renaming !== item.id
        ? itemActions({
            item,
            index,
            count,
            current,
            timerStartedAt,
            runsMeeting: this.runsMeeting,
            onRename: () => this._startRename(item.id),
            onMove: (direction) => this._move(item, direction),
            onRemove: () => this._remove(item, index),
            onMakeCurrent: () => this._makeCurrent(item),
            onClearCurrent: () => this._onClearCurrentClick(),
            onStartTimer: () => this._onStartTimerClick(),
            onStopTimer: () => this._onStopTimerClick(),
          })
        : nothing}
      ${selected && this._renaming !== item.id
        ? exemptionChoice({ item, index, editable: !this.readonly, onChange: (paragraph) => this.store?.setExemptionParagraph(item.id, paragraph) })
        : nothing}
    </li>`;
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
    if (!this.store || !this.store.moveItem(item.id, direction)) return;
    const position = this.store.agenda.findIndex((each) => each.id === item.id) + 1;
    this._announcement = `${item.title} moved to position ${position}`;
    void this._focusItem(item.id);
  }

  private async _remove(item: AgendaItem, index: number) {
    const confirmed = await this._confirm.ask({
      heading: `Remove item ${index + 1}?`,
      message: `“${item.title}” will be removed from the agenda with its minutes and decisions, for everyone in the meeting.`,
      confirmLabel: 'Remove item',
    });
    if (!confirmed || !this.store) return;
    const agenda = this.store.agenda;
    const neighbour = agenda[index + 1] ?? agenda[index - 1];
    this.store.removeItem(item.id, { runsMeeting: this.runsMeeting });
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
    this.store?.renameItem(itemId, input.value);
    this._endRename(itemId);
  }

  private _onItemAdded(event: CustomEvent<{ itemId: string; title: string }>) {
    const position = this.store?.agenda.findIndex((each) => each.id === event.detail.itemId) ?? -1;
    this._announcement = `${event.detail.title} added to the agenda as item ${position + 1}`;
  }

  private _makeCurrent(item: AgendaItem) {
    if (!this.store) return;
    this.store.makeCurrent(item.id);
    this._announcement = `${item.title} is now the current item`;
  }

  private _onClearCurrentClick() {
    this.store?.makeCurrent(null);
  }

  private _onStartTimerClick() {
    this.store?.startTimer();
  }

  private _onStopTimerClick() {
    this.store?.stopTimer();
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
