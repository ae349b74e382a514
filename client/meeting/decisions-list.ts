import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { MEETING_DOC_LIMITS, resolutionWording, type Decision } from '../../shared/meeting-doc.js';
import { TextareaBindingSlot } from '../live/index.js';
import { MeetingController } from './meeting-controller.js';
import { InvalidEdit } from './meeting-edits.js';
import type { MeetingStore } from './meeting-store.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';
import type { ConfirmDialog } from '../shell/confirm-dialog.js';
import '../shell/confirm-dialog.js';

/**
 * The decisions recorded under one agenda item. Each is typed live, like the
 * minutes, so two people wording one decision keep each other's words; the
 * minutes put "RESOLVED that" in front unless the words already start so.
 */
@customElement('decisions-list')
export class DecisionsList extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      ol {
        margin: 0 0 1rem;
        padding-left: 1.5rem;
      }
      li {
        margin-bottom: 1rem;
      }
      textarea {
        min-height: 5rem;
        resize: vertical;
      }
      .empty,
      .as-minuted {
        color: var(--q-secondary-text);
      }
      .as-minuted {
        margin: 0.25rem 0 0;
      }
    `,
  ];

  /** The meeting, as its store. */
  @property({ attribute: false }) store: MeetingStore | null = null;

  /** The agenda item whose decisions these are. */
  @property({ attribute: 'item-id' }) itemId = '';

  /** When set, the decisions can be read but not changed. */
  @property({ type: Boolean }) readonly = false;

  @state() private _formError = '';

  @query('confirm-dialog') private _confirm!: ConfirmDialog;

  /** One binding per decision shown, by decision id. */
  private readonly _bindings = new Map<string, TextareaBindingSlot>();

  constructor() {
    super();
    new MeetingController(this, { store: () => this.store });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const binding of this._bindings.values()) binding.unbind();
    this._bindings.clear();
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate();
  }

  override render() {
    const item = this.store?.item(this.itemId);
    if (!item) return nothing;
    const { decisions } = item;
    return html`<h3 id="decisions-heading">Decisions</h3>
      ${decisions.length === 0 ? html`<p class="empty">No decisions recorded for this item.</p>` : nothing}
      <ol aria-labelledby="decisions-heading">
        ${repeat(decisions, (decision) => decision.id, (decision, index) => this._renderDecision(decision, index))}
      </ol>
      ${this._formError ? html`<p class="field-error" role="alert">${this._formError}</p>` : nothing}
      ${this.readonly
        ? nothing
        : html`<button
            type="button"
            class="secondary"
            ?disabled=${decisions.length >= MEETING_DOC_LIMITS.decisionsPerItem}
            @click=${this._onAddClick}
          >
            Add a decision
          </button>`}
      <confirm-dialog></confirm-dialog>`;
  }

  private _renderDecision(decision: Decision, index: number) {
    const id = `decision-${decision.id}`;
    const wording = resolutionWording(decision.text);
    if (this.readonly) return html`<li><p>${wording ? html`<strong>RESOLVED</strong> ${wording}` : html`<span class="empty">Not worded yet.</span>`}</p></li>`;
    return html`<li>
      <label for=${id}>Decision ${index + 1}</label>
      <span class="hint" id="${id}-hint">Saved as you type. The minutes read “RESOLVED that …”, so start with what was resolved.</span>
      <textarea
        id=${id}
        data-decision-id=${decision.id}
        maxlength=${MEETING_DOC_LIMITS.decisionLength}
        aria-describedby="${id}-hint ${id}-minuted"
        @focus=${this._onFocus}
      ></textarea>
      <p class="as-minuted" id="${id}-minuted">In the minutes: ${wording ? html`<strong>RESOLVED</strong> ${wording}` : '(not worded yet)'}</p>
      <div class="actions">
        <button type="button" class="warning small" @click=${() => this._remove(decision, index)}>
          Remove decision ${index + 1}
        </button>
      </div>
    </li>`;
  }

  override updated() {
    const shown = new Set<string>();
    for (const textarea of this.renderRoot.querySelectorAll<HTMLTextAreaElement>('textarea[data-decision-id]')) {
      const decisionId = textarea.dataset.decisionId!;
      shown.add(decisionId);
      let slot = this._bindings.get(decisionId);
      if (!slot) this._bindings.set(decisionId, (slot = new TextareaBindingSlot()));
      const text = this.store?.decisionText(this.itemId, decisionId) ?? null;
      slot.bind(textarea, text);
      // A decision from before they were live: show its words until someone types.
      if (!text) textarea.value = this.store?.item(this.itemId)?.decisions.find((each) => each.id === decisionId)?.text ?? '';
    }
    for (const [decisionId, slot] of this._bindings) {
      if (shown.has(decisionId)) continue;
      slot.unbind();
      this._bindings.delete(decisionId);
    }
  }

  /** About to type in a decision stored as a plain string: make it live text first, so the binding takes over. */
  private _onFocus(event: FocusEvent) {
    const decisionId = (event.target as HTMLTextAreaElement).dataset.decisionId!;
    if (this.readonly || !this.store || this.store.decisionText(this.itemId, decisionId)) return;
    try {
      this.store.decisionText(this.itemId, decisionId, { upgrade: true });
    } catch (error) {
      if (!(error instanceof InvalidEdit)) throw error;
    }
  }

  private async _onAddClick() {
    if (!this.store) return;
    let id: string;
    try {
      id = this.store.addDecision(this.itemId);
    } catch (error) {
      if (!(error instanceof InvalidEdit)) throw error;
      this._formError = error.message;
      return;
    }
    this._formError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>(`#decision-${id}`)?.focus();
  }

  private async _remove(decision: Decision, index: number) {
    const confirmed = await this._confirm.ask({
      heading: `Remove decision ${index + 1}?`,
      message: decision.text.trim()
        ? `“${decision.text.trim()}” will be removed for everyone in the meeting.`
        : 'This decision will be removed for everyone in the meeting.',
      confirmLabel: 'Remove decision',
    });
    if (!confirmed || !this.store) return;
    try {
      this.store.removeDecision(this.itemId, decision.id);
    } catch (error) {
      if (!(error instanceof InvalidEdit)) throw error;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button.secondary')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'decisions-list': DecisionsList;
  }
}
