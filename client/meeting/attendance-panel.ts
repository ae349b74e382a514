import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type * as Y from 'yjs';
import type { BodyMember } from '../../shared/api.js';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES, attendanceOf, type AttendanceStatus } from '../../shared/meeting-doc.js';
import type { MeetingStatus } from '../../shared/meetings.js';
import { mayRecordAttendance } from '../../shared/permissions.js';
import { ROLE_LABELS, compareRoles, type Role } from '../../shared/roles.js';
import { MeetingController } from './meeting-controller.js';
import { setAttendance } from './meeting-edits.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';

/** Who is present, who sent apologies and who is absent: one radio group per member of the body. */
@customElement('attendance-panel')
export class AttendancePanel extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: 0;
        border-bottom: 1px solid var(--q-border);
        margin: 0;
        padding: 0.5rem 0;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.5rem;
      }
      legend {
        float: left;
        padding: 0;
        min-width: 16rem;
        flex: 1 1 16rem;
      }
      .who {
        display: block;
        color: var(--q-secondary-text);
        font-size: 0.9375rem;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.25rem;
      }
      .choices label {
        display: flex;
        align-items: center;
        gap: 0.375rem;
        font-weight: 400;
        margin: 0;
        min-height: 2.75rem;
      }
      .summary {
        color: var(--q-secondary-text);
      }
    `,
  ];

  /** The meeting document. */
  @property({ attribute: false }) doc: Y.Doc | null = null;

  /** The body's members, who are the only people attendance is recorded for. */
  @property({ attribute: false }) members: BodyMember[] = [];

  /** The signed-in person's role on the body. */
  @property({ attribute: false }) myRole: Role | null = null;

  /** The signed-in person. */
  @property({ type: Number, attribute: 'user-id' }) userId = 0;

  /** Where the meeting is in its life. */
  @property({ attribute: false }) status: MeetingStatus = 'scheduled';

  /** When set (the connection was refused or lost), attendance can be read but not changed. */
  @property({ type: Boolean }) readonly = false;

  /** Whether the signed-in person may record this member's attendance: their own, or anyone's if they run the body. */
  private _mayRecord(member: BodyMember): boolean {
    return !this.readonly && mayRecordAttendance({ role: this.myRole, userId: this.userId, subjectId: member.userId }, this.status);
  }

  constructor() {
    super();
    new MeetingController(this, { doc: () => this.doc });
  }

  override render() {
    if (!this.doc) return nothing;
    const attendance = attendanceOf(this.doc);
    const statusOf = (member: BodyMember) => attendance.get(String(member.userId));
    const counts = ATTENDANCE_STATUSES.map(
      (status) => `${this.members.filter((member) => statusOf(member) === status).length} ${ATTENDANCE_LABELS[status].toLowerCase()}`,
    );
    const unrecorded = this.members.filter((member) => statusOf(member) === undefined).length;
    const members = [...this.members].sort((a, b) => compareRoles(a.role, b.role) || a.name.localeCompare(b.name, 'en-GB'));
    return html`<p class="summary">${counts.join(', ')}${unrecorded > 0 ? `, ${unrecorded} not recorded` : ''}</p>
      ${members.map((member) => this._renderMember(member, statusOf(member)))}`;
  }

  private _renderMember(member: BodyMember, current: AttendanceStatus | undefined) {
    return html`<fieldset>
      <legend>
        ${member.name}
        <span class="who">${member.agency.name}, ${ROLE_LABELS[member.role]}</span>
      </legend>
      <div class="choices">
        ${ATTENDANCE_STATUSES.map(
          (status) => html`<label>
            <input
              type="radio"
              name="attendance-${member.userId}"
              value=${status}
              .checked=${current === status}
              ?disabled=${!this._mayRecord(member)}
              @change=${() => this._onChange(member, status)}
            />
            ${ATTENDANCE_LABELS[status]}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private _onChange(member: BodyMember, status: AttendanceStatus) {
    if (this.doc && this._mayRecord(member)) setAttendance(this.doc, member.userId, status);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'attendance-panel': AttendancePanel;
  }
}
