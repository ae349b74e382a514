import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { BodySummary } from '../../shared/api.js';
import { formatDate } from '../../shared/dates.js';
import { mayReadBody } from '../../shared/permissions.js';
import { SEARCH_KIND_LABELS, SEARCH_KINDS, type SearchResponse, type SearchResult } from '../../shared/search.js';
import { getBodies } from '../shell/api.js';
import { navigateEvent } from '../shell/events.js';
import { formStyles } from '../shell/form-styles.js';
import { isLoading, loadFailedPanel, loadingStatus, loadTitledPage } from '../shell/page-load.js';
import { baseStyles } from '../shell/styles.js';
import { searchPartnership } from './search-api.js';
import { queryProblem, searchFormOf, searchPath, type SearchForm } from './search-form.js';
import { safeSnippet } from './search-snippet.js';

interface Loaded {
  query: string;
  /** null when the words typed cannot be searched for yet. */
  response: SearchResponse | null;
  bodies: BodySummary[];
}

const headingFor = (form: SearchForm) => (queryProblem(form.q) ? 'Search' : `Search results for “${form.q.trim()}”`);

/**
 * Search results for the address's query, best first, with filters by kind,
 * body and date. The filters change the address, so a search can be linked
 * to and Back returns to the one before.
 */
@customElement('search-page')
export class SearchPage extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
        max-width: 60rem;
      }
      form {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
        gap: 0 1rem;
        align-items: end;
        margin-bottom: 1.5rem;
      }
      .words {
        grid-column: 1 / -1;
      }
      input[type='search'] {
        font: inherit;
        width: 100%;
        min-height: 2.75rem;
        padding: 0.375rem 0.5rem;
        border: 2px solid var(--q-text);
        border-radius: 0;
      }
      ol.results {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      ol.results li {
        border-top: 1px solid var(--q-border, #b1b4b6);
        padding: 1rem 0;
      }
      ol.results h2 {
        font-size: 1.25rem;
        margin: 0 0 0.25rem;
      }
      .about {
        color: var(--q-secondary-text);
        margin: 0 0 0.5rem;
      }
      .snippet {
        margin: 0;
      }
      mark {
        background: var(--q-focus);
        color: inherit;
        font-weight: 600;
      }
    `,
  ];

  /** The address's query string (`?q=…&kind=…`), which the results follow. */
  @property() query = '';

  @state() private _form: SearchForm = searchFormOf('');
  @state() private _problem = '';

  private readonly _task = new Task(this, {
    task: ([query], { signal }) => {
      const form = searchFormOf(query);
      return loadTitledPage<Loaded>(this, signal, {
        load: async () => {
          const [response, { bodies }] = await Promise.all([queryProblem(form.q) ? null : searchPartnership(form), getBodies()]);
          return { query, response, bodies: bodies.filter(mayReadBody) };
        },
        notFound: { query, response: null, bodies: [] },
        heading: () => headingFor(form),
        failedHeading: 'Sorry, the search could not be done',
      });
    },
    args: () => [this.query] as const,
  });

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('query')) {
      this._form = searchFormOf(this.query);
      this._problem = '';
    }
  }

  override render() {
    const failed = this._task.status === TaskStatus.ERROR;
    const loaded = this._task.value;
    return html`<h1 tabindex="-1">${failed ? 'Sorry, the search could not be done' : headingFor(searchFormOf(this.query))}</h1>
      ${this._renderForm(loaded?.bodies ?? [])}
      <div aria-busy=${isLoading(this._task) ? 'true' : 'false'}>
        ${failed
          ? loadFailedPanel(this._task.error, () => void this._task.run())
          : isLoading(this._task) || !loaded
            ? loadingStatus
            : this._renderResults(loaded)}
      </div>`;
  }

  private _renderForm(bodies: readonly BodySummary[]) {
    const form = this._form;
    return html`<form role="search" aria-label="Search and filter" novalidate @submit=${this._onSubmit} @change=${this._onChange} @input=${this._onChange}>
      <div class="field words">
        <label for="q">Words to search for</label>
        ${this._problem ? html`<span class="field-error" id="q-error">${this._problem}</span>` : nothing}
        <input
          id="q"
          name="q"
          type="search"
          .value=${form.q}
          aria-invalid=${this._problem ? 'true' : 'false'}
          aria-describedby=${this._problem ? 'q-error' : nothing}
        />
      </div>
      <div class="field">
        <label for="kind">Kind</label>
        <select id="kind" name="kind" .value=${form.kind}>
          <option value="" ?selected=${form.kind === ''}>Everything</option>
          ${SEARCH_KINDS.map((kind) => html`<option value=${kind} ?selected=${form.kind === kind}>${SEARCH_KIND_LABELS[kind]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="bodyId">Body</label>
        <select id="bodyId" name="bodyId" .value=${form.bodyId}>
          <option value="" ?selected=${form.bodyId === ''}>All bodies</option>
          ${bodies.map((body) => html`<option value=${String(body.id)} ?selected=${form.bodyId === String(body.id)}>${body.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="from">From</label>
        <input id="from" name="from" type="date" .value=${form.from} />
      </div>
      <div class="field">
        <label for="to">To</label>
        <input id="to" name="to" type="date" .value=${form.to} />
      </div>
      <div class="field"><button type="submit">Search</button></div>
    </form>`;
  }

  private _renderResults({ response }: Loaded) {
    if (!response) return html`<p class="status" role="status">Type at least two characters, then press Enter or Search.</p>`;
    const q = searchFormOf(this.query).q.trim();
    if (response.results.length === 0) {
      return html`<p class="status" role="status">Nothing you may read matches “${q}”. Try fewer or different words, or remove a filter.</p>`;
    }
    const shown = response.results.length;
    return html`<p class="status" role="status">
        ${response.totalIsAtLeast
          ? `More than ${response.total.toLocaleString('en-GB')} results, the best ${shown} of the latest shown: add a word or a filter to narrow them`
          : `${response.total === 1 ? '1 result' : `${response.total} results`}${shown < response.total ? `, the best ${shown} shown` : ''}`}
      </p>
      <ol class="results">
        ${response.results.map((result) => this._renderResult(result))}
      </ol>`;
  }

  private _renderResult(result: SearchResult) {
    return html`<li>
      <h2><a href=${result.link}>${result.title}</a></h2>
      <p class="about">${SEARCH_KIND_LABELS[result.kind]} · ${result.body.name} · ${formatDate(result.date)}</p>
      <p class="snippet">${unsafeHTML(safeSnippet(result.snippet))}</p>
    </li>`;
  }

  private _onChange(event: Event) {
    const field = event.target as HTMLInputElement | HTMLSelectElement;
    if (!field.name) return;
    this._form = { ...this._form, [field.name]: field.value };
    if (field.name === 'q') this._problem = '';
  }

  private _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const problem = queryProblem(this._form.q);
    this._problem = problem;
    if (problem) {
      this.renderRoot.querySelector<HTMLInputElement>('#q')?.focus();
      return;
    }
    this.dispatchEvent(navigateEvent(searchPath(this._form)));
  }

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'search-page': SearchPage;
  }
}
