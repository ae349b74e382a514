import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Awareness } from 'y-protocols/awareness';
import { MEETING_DOC_LIMITS } from '../../shared/meeting-doc.js';
import { renderMarkdown } from './markdown.js';
import { MeetingController } from './meeting-controller.js';
import type { MeetingStore } from './meeting-store.js';
import { setEditing, type Participant } from './presence.js';
import { TextareaBindingSlot } from '../live/index.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';

const characterCount = new Intl.NumberFormat('en-GB');

export const RAISE_ACTION_REQUESTED = 'raise-action-requested';

/** The text selected in the minutes when an action was raised from them, to become its title and be replaced by the action's line. */
export interface RaiseActionRequest {
  itemId: string;
  selectedText: string;
  /** Where the selection was in the minutes (start = end when nothing was selected). */
  selectionStart: number;
  selectionEnd: number;
}

/**
 * The minutes of one agenda item: a plain textarea co-edited live (markdown),
 * with a sanitised preview beside it. While the textarea has focus, everyone
 * else sees that this user is editing the item. Alt+Shift+A (or the button
 * under it) fires `raise-action-requested` with the selected text.
 */
@customElement('minutes-editor')
export class MinutesEditor extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
        gap: 1rem 1.5rem;
      }
      textarea {
        min-height: 16rem;
        resize: vertical;
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        font-size: 1rem;
        line-height: 1.5;
      }
      .raise {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.75rem;
        margin: 0.5rem 0 0;
      }
      .raise .hint {
        margin: 0;
      }
      .count,
      .others {
        color: var(--q-secondary-text);
        margin: 0.25rem 0 0;
      }
      .preview {
        border: 1px solid var(--q-border);
        padding: 0 1rem;
        min-height: 16rem;
        overflow-wrap: anywhere;
      }
      .preview :is(h1, h2, h3) {
        font-size: 1.125rem;
        margin: 1rem 0 0.5rem;
      }
      .empty {
        color: var(--q-secondary-text);
      }
    `,
  ];

  /** The meeting, as its store. */
  @property({ attribute: false }) store: MeetingStore | null = null;

  /** This client's presence, to say which item it is editing. */
  @property({ attribute: false }) awareness: Awareness | null = null;

  /** The agenda item whose minutes these are. */
  @property({ attribute: 'item-id' }) itemId = '';

  /** Other people in the meeting, to say who else is editing these minutes. */
  @property({ attribute: false }) participants: Participant[] = [];

  /** When set, the minutes can be read but not changed. */
  @property({ type: Boolean }) readonly = false;

  /** Offer to raise an action from the minutes (the body's action log is open for editing). */
  @property({ type: Boolean, attribute: 'can-raise-actions' }) canRaiseActions = false;

  @query('textarea') private _textarea!: HTMLTextAreaElement | null;

  private readonly _binding = new TextareaBindingSlot();

  constructor() {
    super();
    new MeetingController(this, { store: () => this.store });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this._binding.unbind();
    if (this.awareness) setEditing(this.awareness, null);
  }

  override connectedCallback() {
    super.connectedCallback();
    // Back on the page (say, moved by its parent): bind again after the next render.
    if (this.hasUpdated) this.requestUpdate();
  }

  override willUpdate(changed: PropertyValues<this>) {
    // Moving to another item while typing: stop saying we edit the old one.
    if ((changed.has('itemId') || changed.has('readonly')) && this.awareness && this._hasFocus()) {
      setEditing(this.awareness, this.readonly ? null : this.itemId);
    }
  }

  override render() {
    const item = this.store?.item(this.itemId);
    if (!item) return html`<p>This item is no longer on the agenda.</p>`;
    const { title, minutes } = item;
    const others = this.participants.filter((participant) => participant.editing.includes(this.itemId));
    return html`<div class="columns">
      <div>
        <label for="minutes">Minutes of ${title}</label>
        <span class="hint" id="minutes-hint">
          ${this.readonly
            ? 'Read only.'
            : 'Markdown: **bold**, - for a list. Saved as you type and shared with everyone in the meeting.'}
        </span>
        <textarea
          id="minutes"
          spellcheck="true"
          maxlength=${MEETING_DOC_LIMITS.minutesTextLength}
          ?readonly=${this.readonly}
          aria-describedby="minutes-hint minutes-count"
          @focus=${this._onFocus}
          @blur=${this._onBlur}
          @keydown=${this._onKeyDown}
        ></textarea>
        <p class="count" id="minutes-count">
          ${characterCount.format(minutes.length)} of ${characterCount.format(MEETING_DOC_LIMITS.minutesTextLength)} characters
        </p>
        ${this.canRaiseActions && !this.readonly
          ? html`<p class="raise">
              <button type="button" class="secondary small" aria-keyshortcuts="Alt+Shift+A" @click=${this._onRaiseClick}>
                Raise an action
              </button>
              <span class="hint">or press Alt+Shift+A in the minutes; selected text becomes its title</span>
            </p>`
          : nothing}
        ${others.length > 0
          ? html`<p class="others">Also editing: ${others.map((other) => `${other.user.name} (${other.user.agency})`).join(', ')}</p>`
          : nothing}
      </div>
      <section aria-labelledby="preview-heading">
        <h3 id="preview-heading" class="label">Preview</h3>
        <div class="preview">
          ${minutes.trim() ? unsafeHTML(renderMarkdown(minutes)) : html`<p class="empty">No minutes yet.</p>`}
        </div>
      </section>
    </div>`;
  }

  override updated() {
    this._binding.bind(this._textarea, this.store?.minutesText(this.itemId) ?? null);
  }

  private _hasFocus(): boolean {
    return this._textarea !== null && this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement === this._textarea;
  }

  /** Puts the caret back in the minutes (after raising an action, say). */
  async focusMinutes() {
    await this.updateComplete;
    this._textarea?.focus();
  }

  private _raiseAction() {
    const textarea = this._textarea;
    const [selectionStart, selectionEnd] = textarea ? [textarea.selectionStart, textarea.selectionEnd] : [0, 0];
    const selectedText = textarea ? textarea.value.slice(selectionStart, selectionEnd).replace(/\s+/g, ' ').trim() : '';
    const detail: RaiseActionRequest = { itemId: this.itemId, selectedText, selectionStart, selectionEnd };
    this.dispatchEvent(new CustomEvent(RAISE_ACTION_REQUESTED, { detail, bubbles: true, composed: true }));
  }

  private _onKeyDown(event: KeyboardEvent) {
    if (!this.canRaiseActions || this.readonly) return;
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyA') {
      event.preventDefault();
      this._raiseAction();
    }
  }

  private _onRaiseClick() {
    this._raiseAction();
  }

  private _onFocus() {
    if (this.awareness && !this.readonly) setEditing(this.awareness, this.itemId);
  }

  private _onBlur() {
    if (this.awareness) setEditing(this.awareness, null);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'minutes-editor': MinutesEditor;
  }
  interface HTMLElementEventMap {
    [RAISE_ACTION_REQUESTED]: CustomEvent<RaiseActionRequest>;
  }
}
