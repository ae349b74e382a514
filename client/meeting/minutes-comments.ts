import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { MinutesItem } from '../../shared/council-minutes.js';
import { formatDateTime } from '../../shared/dates.js';
import type { MinutesComment } from '../../shared/minutes-api.js';
import { MINUTES_LIMITS, minutesCommentRequest } from '../../shared/minutes-lifecycle.js';
import { explainApiError } from '../shell/api-errors.js';
import { fieldProblems, focusFirstProblem } from '../shell/form-problems.js';
import { formStyles } from '../shell/form-styles.js';
import { isLoading, loadFailedPanel, loadingStatus } from '../shell/page-load.js';
import { baseStyles } from '../shell/styles.js';
import { addMinutesComment, getMinutesComments } from './minutes-api.js';

const countOf = (count: number) => `${count} ${count === 1 ? 'comment' : 'comments'}`;

/**
 * Members' comments on circulated minutes, on the minutes as a whole or on
 * one item. They may be added only while the minutes are circulated; after
 * that they stay, to read.
 */
@customElement('minutes-comments')
export class MinutesComments extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
        border-top: 4px solid var(--q-brand);
        margin: 2rem 0 0;
        max-width: 48rem;
      }
      h2 {
        font-size: 1.25rem;
        margin: 0.75rem 0 0.5rem;
      }
      ol.plain > li {
        border-bottom: 1px solid var(--q-border);
        padding: 0.5rem 0;
      }
      .by {
        margin: 0;
        color: var(--q-secondary-text);
      }
      .comment-text {
        margin: 0.25rem 0 0;
        white-space: pre-wrap;
      }
      form {
        margin-top: 1rem;
      }
      textarea {
        min-height: 6rem;
        resize: vertical;
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  /** The meeting whose minutes are commented on. */
  @property({ type: Number, attribute: 'meeting-id' }) meetingId = 0;

  /** How many comments the server counts: a change (someone else commented) loads them again. */
  @property({ type: Number, attribute: 'comment-count' }) commentCount = 0;

  /** The minutes are circulated and this person may comment. */
  @property({ type: Boolean, attribute: 'may-comment' }) mayComment = false;

  /** The minuted items a comment may be about. */
  @property({ attribute: false }) items: MinutesItem[] = [];

  /** Comments added here, shown before the list is loaded again. */
  @state() private _added: MinutesComment[] = [];
  @state() private _error = '';
  @state() private _formError = '';
  @state() private _saving = false;
  @state() private _announcement = '';

  @query('form') private _form!: HTMLFormElement | null;

  private readonly _comments = new Task(this, {
    task: async ([meetingId]) => {
      try {
        const comments = await getMinutesComments(meetingId);
        this._added = [];
        return comments;
      } catch (error) {
        throw new Error(explainApiError(this, error));
      }
    },
    args: () => [this.meetingId, this.commentCount] as const,
  });

  override render() {
    const loaded = this._comments.value;
    const comments = loaded ? [...loaded, ...this._added.filter((added) => !loaded.some((each) => each.id === added.id))] : null;
    return html`<section aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments from members${comments ? ` (${countOf(comments.length)})` : ''}</h2>
      <div aria-busy=${isLoading(this._comments) ? 'true' : 'false'}>
        ${this._comments.error !== undefined && !isLoading(this._comments)
          ? loadFailedPanel(this._comments.error, () => void this._comments.run())
          : !comments
            ? loadingStatus
            : comments.length === 0
              ? html`<p>No comments yet.</p>`
              : html`<ol class="plain">${comments.map((comment) => this._renderComment(comment))}</ol>`}
      </div>
      <p class="visually-hidden" role="status">${this._announcement}</p>
      ${this.mayComment ? this._renderForm() : html`<p>Comments can be added only while the minutes are circulated.</p>`}
    </section>`;
  }

  private _renderComment(comment: MinutesComment) {
    return html`<li>
      <p class="by">
        <strong>${comment.authorName}</strong> (${comment.agency}), ${formatDateTime(comment.createdAt)}, on
        ${comment.itemTitle ?? 'the minutes as a whole'}
      </p>
      <p class="comment-text">${comment.text}</p>
    </li>`;
  }

  private _renderForm() {
    const error = this._error;
    return html`<form @submit=${this._onSubmit} novalidate aria-labelledby="add-comment-heading">
      <h3 id="add-comment-heading">Add a comment</h3>
      ${this._formError ? html`<div class="error-panel" role="alert"><p>${this._formError}</p></div>` : nothing}
      <div class="field">
        <label for="comment-item">About</label>
        <select id="comment-item" name="itemId">
          <option value="">The minutes as a whole</option>
          ${this.items
            .filter((item) => item.itemId)
            .map((item) => html`<option value=${item.itemId ?? ''}>Item ${item.number}: ${item.title}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="comment-text">Comment</label>
        ${error ? html`<span class="field-error" id="comment-text-error">${error}</span>` : nothing}
        <textarea
          id="comment-text"
          name="text"
          maxlength=${MINUTES_LIMITS.commentLength}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'comment-text-error' : nothing}
        ></textarea>
      </div>
      <button type="submit" ?disabled=${this._saving}>${this._saving ? 'Saving…' : 'Add comment'}</button>
    </form>`;
  }

  private async _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = this._form;
    if (!form || this._saving) return;
    const textArea = form.elements.namedItem('text') as HTMLTextAreaElement;
    const itemId = (form.elements.namedItem('itemId') as HTMLSelectElement).value || null;
    const values = { text: textArea.value, itemId };
    const problems = fieldProblems(minutesCommentRequest, values);
    this._error = problems.text ?? '';
    this._formError = '';
    this._announcement = '';
    if (focusFirstProblem(this, ['text'], problems, () => textArea)) return;
    this._saving = true;
    try {
      const comment = await addMinutesComment(this.meetingId, minutesCommentRequest.parse(values));
      this._added = [...this._added, comment];
      textArea.value = '';
      this._announcement = 'Comment added';
    } catch (error) {
      this._formError = explainApiError(this, error);
    } finally {
      this._saving = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'minutes-comments': MinutesComments;
  }
}
