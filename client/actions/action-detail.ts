import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Awareness } from 'y-protocols/awareness';
import { ACTION_LOG_LIMITS, type Action } from '../../shared/action-log-doc.js';
import { isClosedStatus } from '../../shared/actions.js';
import type { BodyMember, PriorityOption } from '../../shared/api.js';
import { ActionLogController } from './action-log-controller.js';
import type { ActionLogStore } from './action-log-store.js';
import { InvalidEdit } from './action-edits.js';
import './action-history.js';
import './action-priority-field.js';
import { setEditingAction } from './action-presence.js';
import { renderProgressSection } from './action-progress-section.js';
import { renderRagSection, saveRagOverride } from './action-rag-section.js';
import { actionStyles } from './action-styles.js';
import { TextareaBindingSlot } from '../live/index.js';
import { formStyles } from '../shell/form-styles.js';
import { meetingPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';

type LongField = 'resources' | 'outcomeMeasure';

/**
 * One action's details, under its row in the action log: the description
 * (co-edited live, like the minutes), resources and outcome measure, the RAG
 * status with the chair's override, progress updates, and its history.
 */
@customElement('action-detail')
export class ActionDetail extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    actionStyles,
    css`
      :host {
        display: block;
      }
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
        gap: 0 2rem;
      }
      h3:first-child {
        margin-top: 0.5rem;
      }
      textarea {
        min-height: 6rem;
        resize: vertical;
      }
      textarea.description {
        min-height: 9rem;
      }
      ol.progress {
        padding-left: 1.25rem;
        margin: 0 0 1rem;
      }
      ol.progress li {
        margin-bottom: 0.5rem;
      }
      .meta {
        display: block;
        color: var(--q-secondary-text);
        font-size: 0.875rem;
      }
      .saved {
        color: var(--q-success);
        font-weight: 600;
      }
    `,
  ];

  /** The body's action log, and who is using it. */
  @property({ attribute: false }) store: ActionLogStore | null = null;

  /** This client's presence, to say it is editing this action while a field has focus. */
  @property({ attribute: false }) awareness: Awareness | null = null;

  /** The action to show. */
  @property({ attribute: 'action-id' }) actionId = '';

  /** The body whose log holds the action (action ids are unique only within a body). */
  @property({ type: Number, attribute: 'body-id' }) bodyId = 0;

  /** The body's members, to name progress authors. */
  @property({ attribute: false }) members: BodyMember[] = [];

  /** The priorities routed to the body, which the action may serve. */
  @property({ attribute: false }) priorities: PriorityOption[] = [];

  /** When set, the details can be read but not changed. */
  @property({ type: Boolean }) readonly = false;

  /** Today in Europe/London (YYYY-MM-DD), for the derived RAG. */
  @property() today = '';

  @state() private _drafts = new Map<LongField, string>();
  @state() private _errors = new Map<string, string>();
  @state() private _announcement = '';

  @query('textarea.description') private _description!: HTMLTextAreaElement | null;

  private readonly _binding = new TextareaBindingSlot();

  constructor() {
    super();
    new ActionLogController(this, { store: () => this.store });
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this._binding.unbind();
  }

  override render() {
    const action = this.store?.action(this.actionId);
    if (!action) return html`<p>This action is no longer in the log.</p>`;
    const editable = !this.readonly && this.store!.mayEditField(action, 'description');
    const prefix = `action-${action.id}`;
    return html`<div class="columns">
        <div>
          <h3>Details</h3>
          <div class="field">
            <label for="${prefix}-description">Description</label>
            <span class="hint" id="${prefix}-description-hint">${editable ? 'Saved as you type and shared live.' : isClosedStatus(action.status) && !this.readonly ? 'Read only: reopen the action to change it.' : 'Read only.'}</span>
            <textarea
              id="${prefix}-description"
              class="description"
              maxlength=${ACTION_LOG_LIMITS.descriptionLength}
              ?readonly=${!editable}
              aria-describedby="${prefix}-description-hint"
              @focus=${this._onFieldFocus}
              @blur=${this._onFieldBlur}
            ></textarea>
          </div>
          ${this._renderLongField(action, 'resources', 'Resources', ACTION_LOG_LIMITS.resourcesLength, editable)}
          ${this._renderLongField(action, 'outcomeMeasure', 'Outcome measure', ACTION_LOG_LIMITS.outcomeLength, editable)}
          <action-priority-field .store=${this.store} .priorities=${this.priorities} action-id=${action.id} ?readonly=${this.readonly}></action-priority-field>
          ${action.sourceMeetingId
            ? html`<p>Raised at a <a href=${meetingPath(action.sourceMeetingId)}>meeting of this body</a>.</p>`
            : nothing}
        </div>
        <div>
          ${renderRagSection({
            action,
            today: this.today,
            error: this._errors.get('rag'),
            mayOverride: !!this.store?.mayOverrideRag() && !this.readonly,
            onSubmit: (event) => this._onRagSubmit(event),
          })}
          ${renderProgressSection({
            action,
            members: this.members,
            mayAdd: !this.readonly && !!this.store?.mayAddProgress(action),
            save: this._saveProgress,
          })}
        </div>
      </div>
      <action-escalation-panel body-id=${this.bodyId} action-id=${this.actionId} .status=${action.status}></action-escalation-panel>
      <h3>History</h3>
      <action-history body-id=${this.bodyId} action-id=${this.actionId}></action-history>
      <p class="visually-hidden" role="status">${this._announcement}</p>`;
  }

  private _renderLongField(action: Action, field: LongField, label: string, max: number, editable: boolean) {
    const id = `action-${action.id}-${field}`;
    const error = this._errors.get(field);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : nothing}
      <textarea
        id=${id}
        maxlength=${max}
        ?readonly=${!editable}
        .value=${this._drafts.get(field) ?? action[field]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        @focus=${this._onFieldFocus}
        @blur=${this._onFieldBlur}
        @input=${(event: InputEvent) => this._onLongInput(event, field)}
        @change=${(event: Event) => this._onLongChange(event, field)}
      ></textarea>
    </div>`;
  }

  /** Straight into the live log, so everyone watching sees it at once. */
  private readonly _saveProgress = (text: string) => this.store?.addProgress(this.actionId, text);

  override updated() {
    this._binding.bind(this._description, this.store?.descriptionText(this.actionId) ?? null);
  }

  private _setError(key: string, message: string | null) {
    const errors = new Map(this._errors);
    if (message) errors.set(key, message);
    else errors.delete(key);
    this._errors = errors;
  }

  private _onFieldFocus() {
    if (!this.readonly) setEditingAction(this.awareness, this.actionId);
  }

  private _onFieldBlur() {
    setEditingAction(this.awareness, null);
  }

  private _onLongInput(event: InputEvent, field: LongField) {
    // Held as a draft until it is saved, so someone else's edit does not overwrite the typing.
    this._drafts = new Map(this._drafts).set(field, (event.target as HTMLTextAreaElement).value);
  }

  private _onLongChange(event: Event, field: LongField) {
    if (!this.store) return;
    const value = (event.target as HTMLTextAreaElement).value;
    try {
      this.store.setField(this.actionId, field, value);
    } catch (error) {
      if (!(error instanceof InvalidEdit)) throw error;
      this._setError(field, error.message);
      return;
    }
    const drafts = new Map(this._drafts);
    drafts.delete(field);
    this._drafts = drafts;
    this._setError(field, null);
    this._announcement = `${field === 'resources' ? 'Resources' : 'Outcome measure'} saved`;
  }

  private _onRagSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!this.store) return;
    const outcome = saveRagOverride(this.store, this.actionId, event.currentTarget as HTMLFormElement);
    if ('error' in outcome) {
      this._setError('rag', outcome.error);
      return;
    }
    this._setError('rag', null);
    this._announcement = outcome.announcement;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'action-detail': ActionDetail;
  }
}
