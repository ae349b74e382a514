/**
 * The controls under the open agenda item (rename, move, remove, current
 * item and timer, and why a Part II item is exempt) and its inline rename form, as templates that
 * `<agenda-list>` renders into its own shadow root and styles.
 */
import { html, nothing } from 'lit';
import { MEETING_DOC_LIMITS, type AgendaItem } from '../../shared/meeting-doc.js';
import { EXEMPTION_PARAGRAPHS, type ExemptionParagraph } from '../../shared/minutes-lifecycle.js';

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

export interface ExemptionChoiceOptions {
  item: AgendaItem;
  index: number;
  /** Those who may edit the agenda choose; everyone else reads the choice. */
  editable: boolean;
  onChange(paragraph: ExemptionParagraph | null): void;
}

const PARAGRAPHS = Object.entries(EXEMPTION_PARAGRAPHS).map(([key, label]) => ({ paragraph: Number(key) as ExemptionParagraph, label }));

/** Why a Part II item is left out of the public minutes: the Schedule 12A paragraph, chosen or read. */
export function exemptionChoice({ item, index, editable, onChange }: ExemptionChoiceOptions) {
  if (!item.partTwo) return nothing;
  const chosen = (item.exemptionParagraph ?? null) as ExemptionParagraph | null;
  if (!editable) {
    return html`<p class="exemption">Exempt from publication: ${chosen === null ? 'no paragraph of Schedule 12A chosen yet' : EXEMPTION_PARAGRAPHS[chosen]}</p>`;
  }
  const id = `exemption-${item.id}`;
  return html`<div class="field exemption">
    <label for=${id}>Exempt under Schedule 12A (item ${index + 1})</label>
    <select
      id=${id}
      @change=${(event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        onChange(value === '' ? null : (Number(value) as ExemptionParagraph));
      }}
    >
      <option value="" ?selected=${chosen === null}>Not chosen</option>
      ${PARAGRAPHS.map(({ paragraph, label }) => html`<option value=${paragraph} ?selected=${chosen === paragraph}>${label}</option>`)}
    </select>
  </div>`;
}
