/**
 * The controls under the open agenda item (rename, move, remove, current
 * item and timer) and its inline rename form, as templates that
 * `<agenda-list>` renders into its own shadow root and styles.
 */
import { html, nothing } from 'lit';
import { MEETING_DOC_LIMITS, type AgendaItem } from '../../shared/meeting-doc.js';

export interface ItemActionsOptions {
  item: AgendaItem;
  /** The item's place on the agenda, from 0, and how many items there are. */
  index: number;
  count: number;
  current: boolean;
  timerStartedAt: string | null;
  runsMeeting: boolean;
  onRename(): void;
  onMove(direction: -1 | 1): void;
  onRemove(): void;
  onMakeCurrent(): void;
  onClearCurrent(): void;
  onStartTimer(): void;
  onStopTimer(): void;
}

export function itemActions(options: ItemActionsOptions) {
  const { index, count, current, timerStartedAt, runsMeeting } = options;
  const name = `item ${index + 1}`;
  return html`<div class="actions" role="group" aria-label="Change ${name}">
    <button type="button" class="secondary small" @click=${options.onRename}>Rename <span class="visually-hidden">${name}</span></button>
    <button type="button" class="secondary small" ?disabled=${index === 0} @click=${() => options.onMove(-1)}>
      Move up <span class="visually-hidden">${name}</span>
    </button>
    <button type="button" class="secondary small" ?disabled=${index === count - 1} @click=${() => options.onMove(1)}>
      Move down <span class="visually-hidden">${name}</span>
    </button>
    <button type="button" class="warning small" @click=${options.onRemove}>Remove <span class="visually-hidden">${name}</span></button>
    ${runsMeeting
      ? current
        ? html`${timerStartedAt
              ? html`<button type="button" class="small" @click=${options.onStopTimer}>Stop timer</button>`
              : html`<button type="button" class="small" @click=${options.onStartTimer}>Start timer</button>`}
            <button type="button" class="secondary small" @click=${options.onClearCurrent}>No current item</button>`
        : html`<button type="button" class="small" @click=${options.onMakeCurrent}>Make current</button>`
      : nothing}
  </div>`;
}

export interface RenameFormOptions {
  item: AgendaItem;
  index: number;
  error: string;
  onSubmit(event: SubmitEvent): void;
  onKeyDown(event: KeyboardEvent): void;
  onCancel(): void;
}

export function renameForm({ item, index, error, onSubmit, onKeyDown, onCancel }: RenameFormOptions) {
  const id = `rename-${item.id}`;
  return html`<form class="rename" @submit=${onSubmit} novalidate>
    <div class="field">
      <label for=${id}>New title for item ${index + 1}</label>
      ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : nothing}
      <input
        id=${id}
        type="text"
        maxlength=${MEETING_DOC_LIMITS.titleLength}
        .value=${item.title}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        @keydown=${onKeyDown}
      />
    </div>
    <button type="submit" class="small">Save title</button>
    <button type="button" class="secondary small" @click=${onCancel}>Cancel</button>
  </form>`;
}
