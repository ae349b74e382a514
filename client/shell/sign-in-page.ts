import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { SessionResponse } from '../../shared/api.js';
import { LIMITS } from '../../shared/limits.js';
import { signInRequest, type SignInRequest } from '../../shared/schemas.js';
import { ApiError, signIn } from './api.js';
import { baseStyles } from './styles.js';

type Field = keyof SignInRequest;
const FIELD_ORDER: readonly Field[] = ['email', 'password'];

/**
 * The sign-in form. Validates with the same schema as the API before sending,
 * and fires `signed-in` with the session once the server accepts.
 */
@customElement('sign-in-page')
export class SignInPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 30rem;
      }
      .field {
        margin: 0 0 1.5rem;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 0.25rem;
      }
      input {
        font: inherit;
        width: 100%;
        min-height: 2.75rem;
        padding: 0.375rem 0.5rem;
        border: 2px solid var(--q-text);
        border-radius: 0;
      }
      input[aria-invalid='true'] {
        border-color: var(--q-error);
        border-width: 3px;
      }
      .field-error {
        display: block;
        color: var(--q-error);
        font-weight: 600;
        margin-bottom: 0.25rem;
      }
      .field.invalid {
        border-left: 4px solid var(--q-error);
        padding-left: 0.75rem;
      }
      .intro {
        color: var(--q-secondary-text);
        margin: -0.5rem 0 1.5rem;
      }
    `,
  ];

  @state() private _fieldErrors: Partial<Record<Field, string>> = {};
  @state() private _formError = '';
  @state() private _pending = false;

  @query('form') private _form!: HTMLFormElement;

  override render() {
    return html`
      <h1 tabindex="-1">Sign in to Quorum</h1>
      <p class="intro">Use the email address and password your partnership gave you.</p>
      <div role="alert" aria-live="assertive" aria-atomic="true">
        ${this._formError
          ? html`<div class="error-panel">
              <h2>There is a problem</h2>
              <p>${this._formError}</p>
            </div>`
          : nothing}
      </div>
      <form novalidate @submit=${this._onSubmit}>
        ${this._renderField('email', 'Email address', 'email', 'username', LIMITS.emailLength)}
        ${this._renderField('password', 'Password', 'password', 'current-password', LIMITS.passwordLength)}
        <button type="submit" ?disabled=${this._pending}>${this._pending ? 'Signing in…' : 'Sign in'}</button>
      </form>
    `;
  }

  private _renderField(name: Field, label: string, type: string, autocomplete: string, maxLength: number) {
    const error = this._fieldErrors[name];
    return html`
      <div class="field ${error ? 'invalid' : ''}">
        <label for=${name}>${label}</label>
        ${error ? html`<span class="field-error" id="${name}-error"><span class="visually-hidden">Error:</span> ${error}</span>` : nothing}
        <input
          id=${name}
          name=${name}
          type=${type}
          autocomplete=${autocomplete}
          spellcheck="false"
          maxlength=${maxLength}
          required
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${name}-error` : nothing}
        />
      </div>
    `;
  }

  private async _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this._pending) return;
    const data = new FormData(this._form);
    const parsed = signInRequest.safeParse({
      email: String(data.get('email') ?? '').trim(),
      password: String(data.get('password') ?? ''),
    });

    if (!parsed.success) {
      const errors: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        errors[field] ??= issue.message;
      }
      this._fieldErrors = errors;
      this._formError = Object.values(errors).join('. ');
      await this.updateComplete;
      const first = FIELD_ORDER.find((field) => errors[field]);
      this.renderRoot.querySelector<HTMLInputElement>(`#${first}`)?.focus();
      return;
    }

    this._fieldErrors = {};
    this._formError = '';
    this._pending = true;
    try {
      const session = await signIn(parsed.data);
      this.dispatchEvent(new CustomEvent('signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      this._formError = error instanceof ApiError ? error.message : 'Something went wrong. Try again.';
    } finally {
      this._pending = false;
    }
  }

  /** Moves focus to the page heading, for after a route change. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sign-in-page': SignInPage;
  }
  interface HTMLElementEventMap {
    'signed-in': CustomEvent<SessionResponse>;
  }
}
