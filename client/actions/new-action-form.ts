import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ACTION_LOG_LIMITS } from '../../shared/action-log-doc.js';
import type { Agency, BodyMember, PriorityOption } from '../../shared/api.js';
import { InvalidEdit, newActionProblem, type NewActionFields } from './action-edits.js';
import type { ActionLogStore } from './action-log-store.js';
import { priorityOptionLabel } from './action-priority-field.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';

export const ACTION_ADDED = 'action-added';
export const ACTION_FORM_CANCELLED = 'action-form-cancelled';

/** What `action-added` says about the new action. */
export interface ActionAdded {
  actionId: string;
  title: string;
  /** The owner's name, or '' with no owner. */
  ownerName: string;
}

type Field = 'title' | 'ownerId' | 'leadAgencyId' | 'dueDate' | 'theme' | 'priorityId';

/**
 * Adds an action to a body's action log document: title, owner, lead
 * agency, due date, theme and the priority it serves, checked against the log's rules first. Used
 * under the action log, and inline beside the minutes (with the meeting and
 * item it came from). Fires `action-added`; Escape fires `action-form-cancelled`.
 */
@customElement('new-action-form')
export class NewActionForm extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      form {
        padding: 1rem;
        background: var(--q-muted-background);
      }
      h3 {
        margin-top: 0;
      }
      .fields {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 0 1rem;
      }
      .fields .wide {
        grid-column: 1 / -1;
      }
    `,
  ];

  /** The body's action log, where the action goes. */
  @property({ attribute: false }) store: ActionLogStore | null = null;

  /** The body's members: who may own the action. */
  @property({ attribute: false }) members: BodyMember[] = [];

  /** Agencies that may lead it. */
  @property({ attribute: false }) agencies: Agency[] = [];

  /** The priorities routed to the body, which the action may serve (asked for in the full form). */
  @property({ attribute: false }) priorities: PriorityOption[] = [];

  /** The form's heading. */
  @property() heading = 'Add an action';

  /** The title to start with (the text selected in the minutes, say). */
  @property({ attribute: 'initial-title' }) initialTitle = '';

  /** The meeting the action was raised in, if any. */
  @property({ type: Number, attribute: 'source-meeting-id' }) sourceMeetingId: number | null = null;

  /** The agenda item it was raised under, if any. */
  @property({ attribute: 'source-item-id' }) sourceItemId: string | null = null;

  /** Show a Cancel button (when the form was opened for one action). */
  @property({ type: Boolean }) cancellable = false;

  /** Ask for the lead agency and theme too (the full log does; the minutes' quick form does not). */
  @property({ type: Boolean }) full = false;

  @state() private _error: { field: Field | 'form'; message: string } | null = null;

  override render() {
    const error = this._error;
    const fieldError = (field: Field) =>
      error?.field === field ? html`<span class="field-error" id="new-action-${field}-error">${error.message}</span>` : nothing;
    const described = (field: Field) => (error?.field === field ? `new-action-${field}-error` : nothing);
    const invalid = (field: Field) => (error?.field === field ? 'true' : 'false');
    return html`<form @submit=${this._onSubmit} @keydown=${this._onKeyDown} novalidate aria-labelledby="new-action-heading">
      <h3 id="new-action-heading">${this.heading}</h3>
      ${error?.field === 'form' ? html`<p class="field-error" role="alert">${error.message}</p>` : nothing}
      <div class="fields">
        <div class="field wide">
          <label for="new-action-title">Action</label>
          ${fieldError('title')}
          <input
            id="new-action-title"
            name="title"
            type="text"
            maxlength=${ACTION_LOG_LIMITS.titleLength}
            .value=${this.initialTitle}
            aria-invalid=${invalid('title')}
            aria-describedby=${described('title')}
          />
        </div>
        <div class="field">
          <label for="new-action-owner">Owner</label>
          ${fieldError('ownerId')}
          <select id="new-action-owner" name="owner" aria-invalid=${invalid('ownerId')} aria-describedby=${described('ownerId')}>
            <option value="">No owner yet</option>
            ${this.members.map((member) => html`<option value=${member.userId}>${member.name} (${member.agency.shortName})</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="new-action-due">Due date</label>
          ${fieldError('dueDate')}
          <input id="new-action-due" name="due" type="date" aria-invalid=${invalid('dueDate')} aria-describedby=${described('dueDate')} />
        </div>
        ${this.full
          ? html`<div class="field">
                <label for="new-action-agency">Lead agency</label>
                ${fieldError('leadAgencyId')}
                <select id="new-action-agency" name="agency" aria-invalid=${invalid('leadAgencyId')} aria-describedby=${described('leadAgencyId')}>
                  <option value="">No lead agency</option>
                  ${this.agencies.map((agency) => html`<option value=${agency.id}>${agency.name}</option>`)}
                </select>
              </div>
              <div class="field">
                <label for="new-action-theme">Theme</label>
                ${fieldError('theme')}
                <input
                  id="new-action-theme"
                  name="theme"
                  type="text"
                  maxlength=${ACTION_LOG_LIMITS.themeLength}
                  aria-invalid=${invalid('theme')}
                  aria-describedby=${described('theme')}
                />
              </div>
              ${this.priorities.length > 0
                ? html`<div class="field wide">
                    <label for="new-action-priority">Priority it serves</label>
                    ${fieldError('priorityId')}
                    <select id="new-action-priority" name="priority" aria-invalid=${invalid('priorityId')} aria-describedby=${described('priorityId')}>
                      <option value="">None</option>
                      ${this.priorities.map((option) => html`<option value=${option.id}>${priorityOptionLabel(option)}</option>`)}
                    </select>
                  </div>`
                : nothing}`
          : nothing}
      </div>
      <div class="actions">
        <button type="submit">Add action</button>
        ${this.cancellable ? html`<button type="button" class="secondary" @click=${this._cancel}>Cancel</button>` : nothing}
      </div>
    </form>`;
  }

  /** Puts the caret in the title. */
  async focusTitle() {
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#new-action-title');
    input?.focus();
    input?.select();
  }

  private _read(form: HTMLFormElement): NewActionFields {
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
    const id = (name: string) => (value(name) === '' ? null : Number(value(name)));
    return {
      title: value('title'),
      ownerId: id('owner'),
      leadAgencyId: id('agency'),
      dueDate: value('due') === '' ? null : value('due'),
      theme: value('theme'),
      priorityId: id('priority'),
      sourceMeetingId: this.sourceMeetingId,
      sourceItemId: this.sourceItemId,
    };
  }

  private _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!this.store) return;
    const form = event.currentTarget as HTMLFormElement;
    const fields = this._read(form);
    const choices = {
      memberIds: new Set(this.members.map((member) => member.userId)),
      agencyIds: new Set(this.agencies.map((agency) => agency.id)),
      priorityIds: new Set(this.priorities.map((option) => option.id)),
    };
    const problem = newActionProblem(fields, choices);
    if (problem) {
      this._error = problem;
      const names: Record<Field, string> = { title: 'title', ownerId: 'owner', leadAgencyId: 'agency', dueDate: 'due', theme: 'theme', priorityId: 'priority' };
      (form.elements.namedItem(names[problem.field]) as HTMLElement | null)?.focus();
      return;
    }
    let actionId: string;
    try {
      actionId = this.store.raiseAction(fields, choices);
    } catch (error) {
      if (!(error instanceof InvalidEdit)) throw error;
      this._error = { field: 'form', message: error.message };
      return;
    }
    this._error = null;
    const ownerName = this.members.find((member) => member.userId === fields.ownerId)?.name ?? '';
    form.reset();
    this.initialTitle = '';
    const detail: ActionAdded = { actionId, title: fields.title.trim(), ownerName };
    this.dispatchEvent(new CustomEvent(ACTION_ADDED, { detail, bubbles: true, composed: true }));
  }

  private _onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && this.cancellable) {
      event.preventDefault();
      this._cancel();
    }
  }

  private _cancel() {
    this._error = null;
    this.dispatchEvent(new CustomEvent(ACTION_FORM_CANCELLED, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'new-action-form': NewActionForm;
  }
  interface HTMLElementEventMap {
    [ACTION_ADDED]: CustomEvent<ActionAdded>;
    [ACTION_FORM_CANCELLED]: CustomEvent<void>;
  }
}
