import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LIMITS } from '../../shared/limits.js';
import { isStartInPast, parseTime, parseUkDate, START_IN_PAST_MESSAGE } from '../../shared/meeting-schedule.js';
import { createMeetingRequest } from '../../shared/schemas.js';
import { scheduleMeeting } from '../shell/api.js';
import { explainApiError } from '../shell/api-errors.js';
import { navigateEvent } from '../shell/events.js';
import { meetingPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import { londonDateTimeToIso } from '../shell/wall-clock.js';

type ScheduleField = 'date' | 'time' | 'location' | 'title';
const SCHEDULE_FIELDS: readonly ScheduleField[] = ['date', 'time', 'location', 'title'];

/**
 * The form a chair, vice-chair or secretariat uses to schedule a body's
 * meeting; on success it asks the app to open the new meeting.
 *
 * Date and time are text inputs, not `type=date` / `type=time`: the native
 * pickers show and expect the browser's locale (mm/dd/yyyy, 6:30 PM for a
 * browser set to US English), while our users read and type 22/11/2026 and
 * 18:30. Text inputs with the format shown beside them accept exactly what we
 * ask for, in every browser, and are easier to type into than the pickers
 * (GOV.UK's advice for dates people know).
 */
@customElement('schedule-meeting-form')
export class ScheduleMeetingForm extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      form {
        margin-top: 1rem;
        padding: 1rem 1.25rem;
        background: var(--q-muted-background);
      }
      h3 {
        margin-top: 0;
      }
      .field {
        margin: 0 0 1rem;
      }
      .field.invalid {
        border-left: 4px solid var(--q-error);
        padding-left: 0.75rem;
      }
      .when {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.5rem;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 0.25rem;
      }
      .hint {
        display: block;
        color: var(--q-secondary-text);
        margin-bottom: 0.25rem;
      }
      .field-error {
        display: block;
        color: var(--q-error);
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
        background: #fff;
      }
      input.date {
        width: 10ch;
        box-sizing: content-box;
      }
      input.time {
        width: 6ch;
        box-sizing: content-box;
      }
      input[aria-invalid='true'] {
        border-color: var(--q-error);
        border-width: 3px;
      }
    `,
  ];

  /** The body the meeting is for. */
  @property({ type: Number, attribute: 'body-id' }) bodyId = 0;

  @state() private _errors: Partial<Record<ScheduleField, string>> = {};
  @state() private _formError = '';
  @state() private _scheduling = false;

  override render() {
    const errors = this._errors;
    const field = (name: ScheduleField, label: string, control: unknown, hint?: string) => html`<div
      class="field ${errors[name] ? 'invalid' : ''}"
    >
      <label for="schedule-${name}">${label}</label>
      ${hint ? html`<span class="hint" id="schedule-${name}-hint">${hint}</span>` : nothing}
      ${errors[name] ? html`<span class="field-error" id="schedule-${name}-error">${errors[name]}</span>` : nothing}
      ${control}
    </div>`;
    const described = (name: ScheduleField, hint = false) =>
      [hint ? `schedule-${name}-hint` : '', errors[name] ? `schedule-${name}-error` : ''].filter(Boolean).join(' ') || nothing;
    return html`<section aria-labelledby="schedule-heading">
      <form class="schedule" novalidate @submit=${this._onSubmit}>
        <h3 id="schedule-heading">Schedule a meeting</h3>
        ${this._formError ? html`<div class="error-panel" role="alert"><p>${this._formError}</p></div>` : nothing}
        <div class="when">
          ${field(
            'date',
            'Date',
            html`<input id="schedule-date" class="date" name="date" type="text" inputmode="numeric" autocomplete="off"
              required aria-invalid=${errors.date ? 'true' : 'false'} aria-describedby=${described('date', true)} />`,
            'For example, 22/11/2026',
          )}
          ${field(
            'time',
            'Start time',
            html`<input id="schedule-time" class="time" name="time" type="text" inputmode="numeric" autocomplete="off"
              required value="10:00" aria-invalid=${errors.time ? 'true' : 'false'} aria-describedby=${described('time', true)} />`,
            'UK time, 24-hour, e.g. 18:30',
          )}
        </div>
        ${field(
          'location',
          'Location',
          html`<input id="schedule-location" name="location" type="text" maxlength=${LIMITS.locationLength}
            aria-invalid=${errors.location ? 'true' : 'false'} aria-describedby=${described('location')} />`,
        )}
        ${field(
          'title',
          'Title (optional)',
          html`<input id="schedule-title" name="title" type="text" maxlength=${LIMITS.meetingTitleLength}
            aria-invalid=${errors.title ? 'true' : 'false'} aria-describedby=${described('title', true)} />`,
          'Leave blank to name it after the body and month',
        )}
        <button type="submit" ?disabled=${this._scheduling}>Schedule meeting</button>
      </form>
    </section>`;
  }

  private _check(form: HTMLFormElement) {
    const value = (name: ScheduleField) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const errors: Partial<Record<ScheduleField, string>> = {};
    const date = parseUkDate(value('date'));
    const time = parseTime(value('time'));
    if (!value('date').trim()) errors.date = 'Enter the date of the meeting';
    else if (!date) errors.date = 'Enter a real date, like 22/11/2026';
    if (!value('time').trim()) errors.time = 'Enter the start time';
    else if (!time) errors.time = 'Enter a time on the 24-hour clock, like 18:30';
    const startsAt = date && time ? londonDateTimeToIso(date, time) : undefined;
    if (startsAt && isStartInPast(startsAt)) errors.date = START_IN_PAST_MESSAGE;
    const title = value('title').trim();
    const parsed = createMeetingRequest.safeParse({ startsAt: startsAt ?? '', location: value('location'), ...(title ? { title } : {}) });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const name = issue.path[0];
        if (name === 'startsAt' && !errors.date && !errors.time) errors.date = issue.message;
        if ((name === 'location' || name === 'title') && !errors[name]) errors[name] = issue.message;
      }
    }
    return { errors, request: parsed.success ? parsed.data : undefined };
  }

  private async _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const { errors, request } = this._check(event.currentTarget as HTMLFormElement);
    this._errors = errors;
    this._formError = '';
    const firstInvalid = SCHEDULE_FIELDS.find((name) => errors[name]);
    if (firstInvalid || !request) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`#schedule-${firstInvalid ?? 'date'}`)?.focus();
      return;
    }
    this._scheduling = true;
    try {
      const created = await scheduleMeeting(this.bodyId, request);
      this.dispatchEvent(navigateEvent(meetingPath(created.meeting.id)));
    } catch (error) {
      this._formError = explainApiError(this, error);
    } finally {
      this._scheduling = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'schedule-meeting-form': ScheduleMeetingForm;
  }
}
