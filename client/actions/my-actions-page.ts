import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ActionSummary } from '../../shared/api.js';
import { ACTION_STATUS_LABELS } from '../../shared/actions.js';
import { formatDateTime } from '../../shared/dates.js';
import { progressRequest } from '../../shared/schemas.js';
import { formatDueDate, ragLabel } from './action-format.js';
import { actionStyles } from './action-styles.js';
import { ApiError, addProgressUpdate, getMyActions } from '../shell/api.js';
import { sessionExpiredEvent } from '../shell/events.js';
import { formStyles } from '../shell/form-styles.js';
import { actionLogPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';

export const ACTION_PROGRESS_ADDED = 'action-progress-added';

type Load = { state: 'loading' } | { state: 'loaded'; actions: ActionSummary[] } | { state: 'failed'; message: string };

interface BodyGroup {
  bodyId: number;
  bodyName: string;
  actions: ActionSummary[];
  overdue: number;
}

/** Actions by body; bodies with overdue actions first, and overdue actions first within each. */
export function groupByBody(actions: ActionSummary[]): BodyGroup[] {
  const groups = new Map<number, BodyGroup>();
  for (const action of actions) {
    const group = groups.get(action.bodyId) ?? { bodyId: action.bodyId, bodyName: action.bodyName, actions: [], overdue: 0 };
    group.actions.push(action);
    if (action.overdue) group.overdue++;
    groups.set(action.bodyId, group);
  }
  const byDue = (a: ActionSummary, b: ActionSummary) =>
    Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.title.localeCompare(b.title, 'en-GB');
  return [...groups.values()]
    .map((group) => ({ ...group, actions: group.actions.sort(byDue) }))
    .sort((a, b) => Number(b.overdue > 0) - Number(a.overdue > 0) || a.bodyName.localeCompare(b.bodyName, 'en-GB'));
}

/**
 * Everything the signed-in user owns that is still outstanding, across every
 * body they sit on, grouped by body with the overdue first, and a quick way
 * to add a progress update to each before the next meeting.
 */
@customElement('my-actions-page')
export class MyActionsPage extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    actionStyles,
    css`
      :host {
        display: block;
        max-width: 60rem;
      }
      ol.actions {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li.action {
        border-top: 1px solid var(--q-border);
        padding: 1rem 0;
      }
      li.action.overdue-action {
        border-left: 6px solid var(--q-error);
        padding-left: 1rem;
      }
      h3 {
        margin: 0 0 0.5rem;
      }
      dl.facts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.5rem;
        margin: 0 0 0.5rem;
      }
      dl.facts div {
        display: flex;
        gap: 0.375rem;
      }
      dl.facts dt {
        font-weight: 700;
      }
      dl.facts dd {
        margin: 0;
      }
      .latest {
        color: var(--q-secondary-text);
        margin: 0 0 0.5rem;
      }
      details summary {
        cursor: pointer;
        color: var(--q-link);
        font-weight: 600;
        padding: 0.25rem 0;
      }
      form {
        margin-top: 0.5rem;
      }
      textarea {
        min-height: 5rem;
      }
      .saved {
        color: var(--q-success);
        font-weight: 600;
      }
    `,
  ];

  @state() private _load: Load = { state: 'loading' };
  @state() private _errors = new Map<string, string>();
  @state() private _sending = new Set<string>();
  @state() private _announcement = '';

  override connectedCallback() {
    super.connectedCallback();
    void this._fetch();
  }

  override render() {
    return html`<h1 tabindex="-1">My actions</h1>
      <div aria-busy=${this._load.state === 'loading' ? 'true' : 'false'}>${this._renderContent()}</div>
      <p class="visually-hidden" role="status">${this._announcement}</p>`;
  }

  private _renderContent() {
    const load = this._load;
    switch (load.state) {
      case 'loading':
        return html`<p class="status" role="status">Loading…</p>`;
      case 'failed':
        return html`<div class="error-panel" role="alert">
          <p>${load.message}</p>
          <p><button type="button" class="secondary" @click=${this._fetch}>Try again</button></p>
        </div>`;
      case 'loaded': {
        if (load.actions.length === 0) return html`<p>You have no outstanding actions.</p>`;
        const overdue = load.actions.filter((action) => action.overdue).length;
        return html`<p>
            You own ${load.actions.length} outstanding ${load.actions.length === 1 ? 'action' : 'actions'}${overdue > 0
              ? html`, <strong class="overdue">${overdue} overdue</strong>`
              : nothing}.
          </p>
          ${groupByBody(load.actions).map((group) => this._renderGroup(group))}`;
      }
    }
  }

  private _renderGroup(group: BodyGroup) {
    const headingId = `body-${group.bodyId}-heading`;
    return html`<section aria-labelledby=${headingId}>
      <h2 id=${headingId}>${group.bodyName}</h2>
      <p><a href=${actionLogPath(group.bodyId)}>Open the ${group.bodyName} action log</a></p>
      <ol class="actions">
        ${group.actions.map((action) => this._renderAction(action))}
      </ol>
    </section>`;
  }

  private _renderAction(action: ActionSummary) {
    const id = `progress-${action.id}`;
    const error = this._errors.get(action.id);
    return html`<li class="action ${action.overdue ? 'overdue-action' : ''}" data-action-id=${action.id}>
      <h3>${action.reference ? html`<span class="reference">${action.reference}</span>: ` : nothing}${action.title}</h3>
      <dl class="facts">
        <div>
          <dt>Due</dt>
          <dd>${formatDueDate(action.dueDate)} ${action.overdue ? html`<span class="overdue">(overdue)</span>` : nothing}</dd>
        </div>
        <div>
          <dt>RAG</dt>
          <dd><span class="rag ${action.rag ?? 'none'}">${ragLabel(action.rag)}</span></dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>${ACTION_STATUS_LABELS[action.status]}</dd>
        </div>
      </dl>
      <p class="latest">
        ${action.latestProgress
          ? html`Latest progress (${formatDateTime(action.latestProgress.at)}): ${action.latestProgress.text}`
          : 'No progress updates yet.'}
      </p>
      <details>
        <summary>Add progress<span class="visually-hidden"> to ${action.title}</span></summary>
        <form @submit=${(event: SubmitEvent) => this._onProgressSubmit(event, action)} novalidate>
          <div class="field">
            <label for=${id}>Progress update on ${action.title}</label>
            ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : nothing}
            <textarea
              id=${id}
              name="text"
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? `${id}-error` : nothing}
            ></textarea>
          </div>
          <button type="submit" class="small" ?disabled=${this._sending.has(action.id)}>Add progress</button>
        </form>
      </details>
    </li>`;
  }

  private _setError(actionId: string, message: string | null) {
    const errors = new Map(this._errors);
    if (message) errors.set(actionId, message);
    else errors.delete(actionId);
    this._errors = errors;
  }

  private async _onProgressSubmit(event: SubmitEvent, action: ActionSummary) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const textarea = form.elements.namedItem('text') as HTMLTextAreaElement;
    const parsed = progressRequest.safeParse({ text: textarea.value });
    if (!parsed.success) {
      this._setError(action.id, parsed.error.issues[0]?.message ?? 'Write the progress update');
      textarea.focus();
      return;
    }
    this._sending = new Set(this._sending).add(action.id);
    try {
      await addProgressUpdate(action.bodyId, action.id, parsed.data.text);
      this._setError(action.id, null);
      textarea.value = '';
      this._announcement = `Progress added to ${action.title}`;
      if (this._load.state === 'loaded') {
        const latestProgress = { text: parsed.data.text, at: new Date().toISOString() };
        this._load = { state: 'loaded', actions: this._load.actions.map((each) => (each.id === action.id ? { ...each, latestProgress } : each)) };
      }
      this.dispatchEvent(new CustomEvent(ACTION_PROGRESS_ADDED, { detail: action.id, bubbles: true, composed: true }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.dispatchEvent(sessionExpiredEvent());
      this._setError(action.id, error instanceof ApiError ? error.message : String(error));
    } finally {
      const sending = new Set(this._sending);
      sending.delete(action.id);
      this._sending = sending;
    }
  }

  private async _fetch() {
    this._load = { state: 'loading' };
    try {
      const { actions } = await getMyActions();
      this._load = { state: 'loaded', actions };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.dispatchEvent(sessionExpiredEvent());
      this._load = { state: 'failed', message: error instanceof ApiError ? error.message : String(error) };
    }
  }

  /** Moves focus to the page heading, for after a route change. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'my-actions-page': MyActionsPage;
  }
  interface HTMLElementEventMap {
    [ACTION_PROGRESS_ADDED]: CustomEvent<string>;
  }
}
