import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type * as Y from 'yjs';
import type { BodyMember } from '../../shared/api.js';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES, attendanceOf, type AttendanceStatus } from '../../shared/meeting-doc.js';
import { ROLE_LABELS, compareRoles } from '../../shared/roles.js';
import { MeetingController } from '../meeting/meeting-controller.js';
import { setAttendance } from '../meeting/meeting-edits.js';
import { workspaceStyles } from '../meeting-styles.js';
import { baseStyles } from '../styles.js';

/** Who is present, who sent apologies and who is absent: one radio group per member of the body. */
@customElement('attendance-panel')
export class AttendancePanel extends LitElement {
  static override styles = [
    baseStyles,
    workspaceStyles,
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

  /** When set, attendance can be read but not changed. */
  @property({ type: Boolean }) readonly = false;

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
              ?disabled=${this.readonly}
              @change=${() => this._onChange(member, status)}
            />
            ${ATTENDANCE_LABELS[status]}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private _onChange(member: BodyMember, status: AttendanceStatus) {
    if (this.doc && !this.readonly) setAttendance(this.doc, member.userId, status);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'attendance-panel': AttendancePanel;
  }
}
