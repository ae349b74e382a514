import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ACTION_STATUS_LABELS } from '../../shared/actions.js';
import { DEFAULT_FILTER, STATUS_FILTERS, type ActionFilter, type StatusFilter } from '../../shared/action-filters.js';
import type { Agency, BodyMember } from '../../shared/api.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';

export const FILTERS_CHANGED = 'action-filters-changed';

const STATUS_FILTER_LABELS: Record<StatusFilter, string> = {
  outstanding: 'Outstanding (not done or dropped)',
  all: 'All',
  closed: 'Closed (done or dropped)',
  ...ACTION_STATUS_LABELS,
};

/** The action log's filters: status, owner, lead agency, overdue, theme and words; says each change as it is made. */
@customElement('action-filters-bar')
export class ActionFiltersBar extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(12rem, 100%), 1fr));
        gap: 0 1rem;
        align-items: end;
        padding: 1rem 1rem 0;
        background: var(--q-muted-background);
      }
      input[type='search'] {
        font: inherit;
        width: 100%;
        min-height: 2.75rem;
        padding: 0.375rem 0.5rem;
        border: 2px solid var(--q-text);
        border-radius: 0;
      }
      select {
        max-width: 100%;
      }
    `,
  ];

  /** The filters as they stand. */
  @property({ attribute: false }) filter: ActionFilter = DEFAULT_FILTER;

  /** The body's members, to filter by owner. */
  @property({ attribute: false }) members: readonly BodyMember[] = [];

  /** Agencies, to filter by lead agency. */
  @property({ attribute: false }) agencies: readonly Agency[] = [];

  /** The themes the log's actions use. */
  @property({ attribute: false }) themes: readonly string[] = [];

  override render() {
    const filter = this.filter;
    return html`<form role="search" aria-label="Filter actions" @input=${this._onInput} @submit=${this._onSubmit}>
      <div class="field">
        <label for="filter-status">Status</label>
        <select id="filter-status" name="status">
          ${STATUS_FILTERS.map((status) => html`<option value=${status} ?selected=${filter.status === status}>${STATUS_FILTER_LABELS[status]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="filter-owner">Owner</label>
        <select id="filter-owner" name="owner">
          <option value="" ?selected=${filter.ownerId === null}>Anyone</option>
          ${this.members.map((member) => html`<option value=${member.userId} ?selected=${filter.ownerId === member.userId}>${member.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="filter-agency">Lead agency</label>
        <select id="filter-agency" name="agency">
          <option value="" ?selected=${filter.agencyId === null}>Any agency</option>
          ${this.agencies.map((agency) => html`<option value=${agency.id} ?selected=${filter.agencyId === agency.id}>${agency.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="filter-overdue">Overdue</label>
        <select id="filter-overdue" name="overdue">
          <option value="any" ?selected=${filter.overdue === 'any'}>Overdue or not</option>
          <option value="overdue" ?selected=${filter.overdue === 'overdue'}>Overdue only</option>
          <option value="not-overdue" ?selected=${filter.overdue === 'not-overdue'}>Not overdue</option>
        </select>
      </div>
      <div class="field">
        <label for="filter-theme">Theme</label>
        <select id="filter-theme" name="theme">
          <option value="" ?selected=${filter.theme === ''}>Any theme</option>
          ${this.themes.map((theme) => html`<option value=${theme} ?selected=${filter.theme === theme}>${theme}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="filter-text">Search</label>
        <input id="filter-text" name="text" type="search" .value=${filter.text} autocomplete="off" />
      </div>
    </form>`;
  }

  private _onInput(event: Event) {
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    const id = (name: string) => (value(name) === '' ? null : Number(value(name)));
    const filter: ActionFilter = {
      status: value('status') as StatusFilter,
      ownerId: id('owner'),
      agencyId: id('agency'),
      overdue: value('overdue') as ActionFilter['overdue'],
      theme: value('theme'),
      text: value('text'),
    };
    this.dispatchEvent(new CustomEvent(FILTERS_CHANGED, { detail: filter }));
  }

  private _onSubmit(event: SubmitEvent) {
    event.preventDefault();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'action-filters-bar': ActionFiltersBar;
  }
  interface HTMLElementEventMap {
    [FILTERS_CHANGED]: CustomEvent<ActionFilter>;
  }
}
