import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { navigateEvent } from '../shell/events.js';
import { baseStyles } from '../shell/styles.js';
import { EMPTY_SEARCH, searchPath } from './search-form.js';

/** The search box in the app's header: Enter (or the button) opens the results page for the words typed. */
@customElement('search-box')
export class SearchBox extends LitElement {
  static override styles = [
    baseStyles,
    css`
      form {
        display: flex;
        align-items: stretch;
        gap: 0.25rem;
      }
      input {
        font: inherit;
        min-height: 2.25rem;
        width: 14rem;
        max-width: 50vw;
        padding: 0.25rem 0.5rem;
        border: 2px solid #fff;
        border-radius: 0;
        color: var(--q-text);
        background: #fff;
      }
      button {
        min-height: 2.25rem;
        padding: 0.25rem 0.75rem;
      }
    `,
  ];

  @state() private _q = '';

  override render() {
    return html`<form role="search" aria-label="Search Quorum" @submit=${this._onSubmit}>
      <label for="search-words" class="visually-hidden">Search minutes, decisions, actions and escalations</label>
      <input id="search-words" type="search" name="q" autocomplete="off" .value=${this._q} @input=${this._onInput} />
      <button type="submit" class="secondary">Search</button>
    </form>`;
  }

  private _onInput(event: Event) {
    this._q = (event.target as HTMLInputElement).value;
  }

  private _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!this._q.trim()) return;
    this.dispatchEvent(navigateEvent(searchPath({ ...EMPTY_SEARCH, q: this._q })));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'search-box': SearchBox;
  }
}
