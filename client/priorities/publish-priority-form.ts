import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BodyRef, PrioritySummary } from '../../shared/api.js';
import { PRIORITY_LIMITS } from '../../shared/priorities.js';
import { createPriorityRequest, type CreatePriorityRequest } from '../../shared/schemas.js';
import { explainApiError } from '../shell/api-errors.js';
import { fieldProblems, focusFirstProblem } from '../shell/form-problems.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';
import { publishPriority } from './priority-api.js';

export const PRIORITY_PUBLISHED = 'priority-published';

type Field = 'title' | 'description' | 'theme' | 'period' | 'targetBodyIds';
const FIELDS: readonly Field[] = ['title', 'description', 'theme', 'period', 'targetBodyIds'];

/** Where focus goes for each field's error: the route goes to its first checkbox. */
const FOCUS: Record<Field, string> = {
  title: '#priority-title',
  description: '#priority-description',
  theme: '#priority-theme',
  period: '#priority-period',
  targetBodyIds: '#priority-route-all',
};

const MESSAGES: Partial<Record<Field, string>> = {
  theme: `A theme can be up to ${PRIORITY_LIMITS.themeLength} characters`,
  period: `A period can be up to ${PRIORITY_LIMITS.periodLength} characters`,
  targetBodyIds: 'Choose at least one body to route it to',
};

/**
 * A chair's form for publishing a priority from their body to the bodies
 * below it: title, description, theme, period, and where to route it (chosen
 * bodies, or all of them). Fires `priority-published` with the new priority.
 */
@customElement('publish-priority-form')
export class PublishPriorityForm extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      form {
        padding: 1rem 1.25rem;
        background: var(--q-muted-background);
        max-width: 48rem;
      }
      fieldset {
        border: none;
        padding: 0;
        margin: 0 0 1rem;
      }
      legend {
        font-weight: 600;
        padding: 0;
        margin-bottom: 0.25rem;
      }
      fieldset li {
        margin: 0.375rem 0;
      }
      fieldset li.all {
        margin-bottom: 0.75rem;
      }
      textarea {
        min-height: 8rem;
        resize: vertical;
      }
    `,
  ];

  /** The body publishing it. */
  @property({ type: Number, attribute: 'body-id' }) bodyId = 0;

  /** The bodies below it, where it may be routed. */
  @property({ attribute: false }) below: BodyRef[] = [];

  @state() private _errors: Partial<Record<Field, string>> = {};
  @state() private _formError = '';
  @state() private _all = false;
  @state() private _publishing = false;

  override render() {
    const errors = this._errors;
    const error = (name: Field) => (errors[name] ? html`<span class="field-error" id="priority-${name}-error">${errors[name]}</span>` : nothing);
    const invalid = (name: Field) => (errors[name] ? 'true' : 'false');
    const described = (name: Field, hint = false) =>
      [hint ? `priority-${name}-hint` : '', errors[name] ? `priority-${name}-error` : ''].filter(Boolean).join(' ') || nothing;
    return html`<form novalidate @submit=${this._onSubmit} aria-labelledby="publish-heading">
      <h2 id="publish-heading">Publish a priority</h2>
      ${this._formError ? html`<div class="error-panel" role="alert" tabindex="-1"><p>${this._formError}</p></div>` : nothing}
      <div class="field">
        <label for="priority-title">Title</label>
        ${error('title')}
        <input id="priority-title" name="title" type="text" maxlength=${PRIORITY_LIMITS.titleLength}
          aria-invalid=${invalid('title')} aria-describedby=${described('title')} />
      </div>
      <div class="field">
        <label for="priority-description">Description</label>
        <span class="hint" id="priority-description-hint">What the bodies below should work towards, and why.</span>
        ${error('description')}
        <textarea id="priority-description" name="description" maxlength=${PRIORITY_LIMITS.descriptionLength}
          aria-invalid=${invalid('description')} aria-describedby=${described('description', true)}></textarea>
      </div>
      <div class="field">
        <label for="priority-theme">Theme (optional)</label>
        ${error('theme')}
        <input id="priority-theme" name="theme" type="text" maxlength=${PRIORITY_LIMITS.themeLength}
          aria-invalid=${invalid('theme')} aria-describedby=${described('theme')} />
      </div>
      <div class="field">
        <label for="priority-period">Period (optional)</label>
        <span class="hint" id="priority-period-hint">For example, 2026 to 2027</span>
        ${error('period')}
        <input id="priority-period" name="period" type="text" maxlength=${PRIORITY_LIMITS.periodLength}
          aria-invalid=${invalid('period')} aria-describedby=${described('period', true)} />
      </div>
      <fieldset aria-describedby=${described('targetBodyIds')}>
        <legend>Route to</legend>
        ${error('targetBodyIds')}
        <ul class="plain">
          <li class="all">
            <label class="checkbox">
              <input id="priority-route-all" type="checkbox" name="all" .checked=${this._all} @change=${this._onAllChange} />
              All bodies below
            </label>
          </li>
          ${this.below.map(
            (body) => html`<li>
              <label class="checkbox">
                <input type="checkbox" name="target" value=${body.id} ?disabled=${this._all} .checked=${this._all} />
                ${body.name}
              </label>
            </li>`,
          )}
        </ul>
      </fieldset>
      <button type="submit" ?disabled=${this._publishing}>Publish priority</button>
    </form>`;
  }

  private _onAllChange(event: Event) {
    this._all = (event.target as HTMLInputElement).checked;
  }

  private _read(form: HTMLFormElement): CreatePriorityRequest {
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement).value;
    const chosen = [...form.querySelectorAll<HTMLInputElement>('input[name=target]:checked')].map((input) => Number(input.value));
    return {
      title: value('title'),
      description: value('description'),
      theme: value('theme'),
      period: value('period'),
      targetBodyIds: this._all ? 'all' : chosen,
    };
  }

  private async _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const request = this._read(form);
    const problems = fieldProblems(createPriorityRequest, request);
    const errors: Partial<Record<Field, string>> = {};
    for (const name of FIELDS) if (problems[name]) errors[name] = MESSAGES[name] ?? problems[name];
    this._errors = errors;
    this._formError = '';
    if (focusFirstProblem(this, FIELDS, errors, (name) => this.renderRoot.querySelector<HTMLElement>(FOCUS[name]))) return;
    this._publishing = true;
    try {
      const { priority } = await publishPriority(this.bodyId, createPriorityRequest.parse(request));
      form.reset();
      this._all = false;
      this.dispatchEvent(new CustomEvent<PrioritySummary>(PRIORITY_PUBLISHED, { detail: priority, bubbles: true, composed: true }));
    } catch (error) {
      this._formError = explainApiError(this, error);
    } finally {
      this._publishing = false;
    }
    // The submit button was disabled while sending, which drops focus: start the form again, or read the error.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this._formError ? '.error-panel' : '#priority-title')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'publish-priority-form': PublishPriorityForm;
  }
  interface HTMLElementEventMap {
    [PRIORITY_PUBLISHED]: CustomEvent<PrioritySummary>;
  }
}
