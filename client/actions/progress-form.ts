import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ACTION_LOG_LIMITS } from '../../shared/action-log-doc.js';
import { progressRequest } from '../../shared/schemas.js';
import { InvalidEdit } from './action-edits.js';
import { explainApiError } from '../shell/api-errors.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';

/**
 * A progress update on one action: checked as the server checks it, saved by
 * whatever the page hands it (the live log, or the API), and cleared once
 * saved. A refusal is said beside the box.
 */
@customElement('progress-form')
export class ProgressForm extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      textarea {
        min-height: 5rem;
      }
    `,
  ];

  /** The box's label, e.g. "Progress update on Patrol plan". */
  @property() label = 'Progress update';

  /** Saves the update; a thrown error's message is shown beside the box. */
  @property({ attribute: false }) save: ((text: string) => Promise<void> | void) | null = null;

  @state() private _error = '';
  @state() private _sending = false;
  @state() private _announcement = '';

  override render() {
    const error = this._error;
    return html`<form @submit=${this._onSubmit} novalidate>
        <div class="field">
          <label for="progress-text">${this.label}</label>
          ${error ? html`<span class="field-error" id="progress-error">${error}</span>` : nothing}
          <textarea
            id="progress-text"
            name="text"
            maxlength=${ACTION_LOG_LIMITS.progressLength}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? 'progress-error' : nothing}
          ></textarea>
        </div>
        <button type="submit" class="small" ?disabled=${this._sending}>Add progress</button>
      </form>
      <p class="visually-hidden" role="status">${this._announcement}</p>`;
  }

  private async _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const textarea = (event.currentTarget as HTMLFormElement).elements.namedItem('text') as HTMLTextAreaElement;
    const parsed = progressRequest.safeParse({ text: textarea.value });
    if (!parsed.success) {
      this._error = parsed.error.issues[0]?.message ?? 'Write the progress update';
      textarea.focus();
      return;
    }
    if (!this.save) return;
    this._sending = true;
    try {
      await this.save(parsed.data.text);
      textarea.value = '';
      this._error = '';
      this._announcement = 'Progress update added';
    } catch (error) {
      this._error = error instanceof InvalidEdit ? error.message : explainApiError(this, error);
      textarea.focus();
    } finally {
      this._sending = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'progress-form': ProgressForm;
  }
}
