import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BodyMember } from '../../shared/api.js';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES, type AttendanceStatus } from '../../shared/meeting-doc.js';
import type { MeetingPhase } from '../../shared/minutes-lifecycle.js';
import { mayRecordAttendance } from '../../shared/permissions.js';
import { ROLE_LABELS, compareRoles, type Role } from '../../shared/roles.js';
import { MeetingController } from './meeting-controller.js';
import type { MeetingStore } from './meeting-store.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';

/**
 * Who is present, who sent apologies and who is absent: three toggle buttons
 * per member of the body. Buttons, not radios: arrowing through a radio group
 * selects each radio as it goes, and every selection here is shared with the
 * whole meeting at once, so a keyboard user passing through would change the
 * person's attendance for everyone. A button changes it only when pressed
 * (click, Enter or Space).
 */
@customElement('attendance-panel')
export class AttendancePanel extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      .member {
        border-bottom: 1px solid var(--q-border);
        padding: 0.5rem 0;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.5rem;
      }
      .name {
        flex: 1 1 16rem;
        font-weight: 700;
      }
      .who {
        display: block;
        color: var(--q-secondary-text);
        font-size: 0.9375rem;
        font-weight: 400;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .choices button[aria-pressed='false'] {
        background: #fff;
        color: var(--q-text, #0b0c0c);
        box-shadow: inset 0 0 0 2px var(--q-border);
      }
      .choices button[aria-pressed='true']::before {
        content: '✓ ';
      }
      .summary {
        color: var(--q-secondary-text);
      }
    `,
  ];

  /** The meeting, as its store. */
  @property({ attribute: false }) store: MeetingStore | null = null;

  /** The body's members, who are the only people attendance is recorded for. */
  @property({ attribute: false }) members: BodyMember[] = [];

  /** The signed-in person's role on the body. */
  @property({ attribute: false }) myRole: Role | null = null;

  /** The signed-in person. */
  @property({ type: Number, attribute: 'user-id' }) userId = 0;

  /** Where the meeting stands for editing: its status, or `minuting` while a closed meeting's minutes are drafted. */
  @property({ attribute: false }) phase: MeetingPhase = 'scheduled';

  /** When set (the connection was refused or lost), attendance can be read but not changed. */
  @property({ type: Boolean }) readonly = false;

  /** Whether the signed-in person may record this member's attendance: their own, or anyone's if they run the body. */
  private _mayRecord(member: BodyMember): boolean {
    return !this.readonly && mayRecordAttendance({ role: this.myRole, userId: this.userId, subjectId: member.userId }, this.phase);
  }

  constructor() {
    super();
    new MeetingController(this, { store: () => this.store });
  }

  override render() {
    if (!this.store) return nothing;
    const { attendance } = this.store.snapshot;
    const statusOf = (member: BodyMember): AttendanceStatus | undefined => attendance[member.userId];
    const counts = ATTENDANCE_STATUSES.map(
      (status) => `${this.members.filter((member) => statusOf(member) === status).length} ${ATTENDANCE_LABELS[status].toLowerCase()}`,
    );
    const unrecorded = this.members.filter((member) => statusOf(member) === undefined).length;
    const members = [...this.members].sort((a, b) => compareRoles(a.role, b.role) || a.name.localeCompare(b.name, 'en-GB'));
    return html`<p class="summary">${counts.join(', ')}${unrecorded > 0 ? `, ${unrecorded} not recorded` : ''}</p>
      ${members.map((member) => this._renderMember(member, statusOf(member)))}`;
  }

  private _renderMember(member: BodyMember, current: AttendanceStatus | undefined) {
    const nameId = `member-${member.userId}`;
    const may = this._mayRecord(member);
    return html`<div class="member" role="group" aria-labelledby=${nameId}>
      <span class="name" id=${nameId}>
        ${member.name}
        <span class="who">${member.agency.name}, ${ROLE_LABELS[member.role]}</span>
      </span>
      <div class="choices">
        ${ATTENDANCE_STATUSES.map(
          (status) => html`<button
            type="button"
            class="small"
            aria-pressed=${current === status ? 'true' : 'false'}
            ?disabled=${!may}
            @click=${() => this._onChoiceClick(member, status)}
          >
            ${ATTENDANCE_LABELS[status]}
          </button>`,
        )}
      </div>
    </div>`;
  }

  private _onChoiceClick(member: BodyMember, status: AttendanceStatus) {
    if (this.store && this._mayRecord(member)) this.store.setAttendance(member.userId, status);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'attendance-panel': AttendancePanel;
  }
}
