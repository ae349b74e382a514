import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { BodyMember } from '../../shared/api.js';
import { MEETING_DOC_LIMITS, type AgendaItem, type Declaration } from '../../shared/meeting-doc.js';
import type { MeetingPhase } from '../../shared/minutes-lifecycle.js';
import { mayDeclareFor } from '../../shared/permissions.js';
import type { Role } from '../../shared/roles.js';
import { MeetingController } from './meeting-controller.js';
import { InvalidEdit, interestProblem } from './meeting-edits.js';
import type { MeetingStore } from './meeting-store.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';
import type { ConfirmDialog } from '../shell/confirm-dialog.js';
import '../shell/confirm-dialog.js';

/** Declarations of interest: who declared what, about which item (or the meeting as a whole). */
@customElement('declarations-panel')
export class DeclarationsPanel extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      ul.declarations li {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: flex-start;
        gap: 0.5rem 1rem;
        padding: 0.5rem 0;
        border-bottom: 1px solid var(--q-border);
      }
      .about {
        color: var(--q-secondary-text);
        display: block;
      }
      form {
        margin-top: 1rem;
        padding: 1rem;
        background: var(--q-muted-background);
      }
      form h3 {
        margin-top: 0;
      }
      textarea {
        min-height: 4rem;
      }
    `,
  ];

  /** The meeting, as its store. */
  @property({ attribute: false }) store: MeetingStore | null = null;

  /** The body's members: only they can declare interests. */
  @property({ attribute: false }) members: BodyMember[] = [];

  /** The signed-in user, chosen first in the member picker. */
  @property({ type: Number, attribute: 'user-id' }) userId = 0;

  /** When set, declarations can be read but not changed. */
  @property({ type: Boolean }) readonly = false;

  /** The signed-in person's role on the body. */
  @property({ attribute: false }) myRole: Role | null = null;

  /** Where the meeting stands for editing: its status, or `minuting` while a closed meeting's minutes are drafted. */
  @property({ attribute: false }) phase: MeetingPhase = 'scheduled';

  /** Whether the signed-in person may record or remove a declaration about this member: their own, or anyone's if they run the body. */
  private _mayDeclareFor(subjectId: number): boolean {
    return !this.readonly && mayDeclareFor({ role: this.myRole, userId: this.userId, subjectId }, this.phase);
  }

  @state() private _error: { field: 'interest' | 'form'; message: string } | null = null;

  @query('confirm-dialog') private _confirm!: ConfirmDialog;

  constructor() {
    super();
    new MeetingController(this, { store: () => this.store });
  }

  override render() {
    if (!this.store) return nothing;
    const { declarations, agenda } = this.store.snapshot;
    return html`${declarations.length === 0
        ? html`<p>No interests have been declared.</p>`
        : html`<ul class="plain declarations">
            ${declarations.map((declaration) => this._renderDeclaration(declaration, agenda))}
          </ul>`}
      ${this._mayDeclareFor(this.userId) ? this._renderForm(agenda) : nothing}
      <confirm-dialog></confirm-dialog>`;
  }

  private _memberName(userId: number): string {
    const member = this.members.find((candidate) => candidate.userId === userId);
    return member ? `${member.name} (${member.agency.shortName})` : 'A former member';
  }

  private _renderDeclaration(declaration: Declaration, agenda: AgendaItem[]) {
    const item = agenda.find((candidate) => candidate.id === declaration.itemId);
    return html`<li>
      <span>
        <strong>${this._memberName(declaration.userId)}</strong>
        <span class="about">${item ? `Item: ${item.title}` : 'The meeting as a whole'}</span>
        ${declaration.interest}
      </span>
      ${!this._mayDeclareFor(declaration.userId)
        ? nothing
        : html`<button type="button" class="warning small" @click=${() => this._remove(declaration)}>
            Remove <span class="visually-hidden">declaration by ${this._memberName(declaration.userId)}</span>
          </button>`}
    </li>`;
  }

  private _renderForm(agenda: AgendaItem[]) {
    const error = this._error;
    const members = [...this.members]
      .filter((member) => this._mayDeclareFor(member.userId))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    return html`<form @submit=${this._onSubmit} novalidate aria-labelledby="declare-heading">
      <h3 id="declare-heading">Record a declaration</h3>
      ${error?.field === 'form' ? html`<p class="field-error" role="alert">${error.message}</p>` : nothing}
      <div class="field">
        <label for="declaration-member">Member</label>
        <select id="declaration-member" name="member">
          ${members.map(
            (member) => html`<option value=${member.userId} ?selected=${member.userId === this.userId}>
              ${member.name} (${member.agency.shortName})
            </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="declaration-item">Agenda item</label>
        <select id="declaration-item" name="item">
          <option value="">The meeting as a whole</option>
          ${agenda.map((item) => html`<option value=${item.id}>${item.title}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="declaration-interest">Interest</label>
        ${error?.field === 'interest' ? html`<span class="field-error" id="interest-error">${error.message}</span>` : nothing}
        <textarea
          id="declaration-interest"
          name="interest"
          maxlength=${MEETING_DOC_LIMITS.interestLength}
          aria-invalid=${error?.field === 'interest' ? 'true' : 'false'}
          aria-describedby=${error?.field === 'interest' ? 'interest-error' : nothing}
        ></textarea>
      </div>
      <button type="submit" ?disabled=${this.members.length === 0}>Record declaration</button>
    </form>`;
  }

  private _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!this.store) return;
    const form = event.currentTarget as HTMLFormElement;
    const member = form.elements.namedItem('member') as HTMLSelectElement;
    const item = form.elements.namedItem('item') as HTMLSelectElement;
    const interest = form.elements.namedItem('interest') as HTMLTextAreaElement;
    const problem = interestProblem(interest.value);
    if (problem) {
      this._error = { field: 'interest', message: problem };
      interest.focus();
      return;
    }
    try {
      this.store.addDeclaration({ userId: Number(member.value), itemId: item.value || null, interest: interest.value });
    } catch (error) {
      if (!(error instanceof InvalidEdit)) throw error;
      this._error = { field: 'form', message: error.message };
      return;
    }
    this._error = null;
    interest.value = '';
    item.value = '';
  }

  private async _remove(declaration: Declaration) {
    const confirmed = await this._confirm.ask({
      heading: 'Remove this declaration?',
      message: `The declaration by ${this._memberName(declaration.userId)} will be removed for everyone in the meeting.`,
      confirmLabel: 'Remove declaration',
    });
    if (confirmed && this.store) this.store.removeDeclaration(declaration.id);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'declarations-panel': DeclarationsPanel;
  }
}
