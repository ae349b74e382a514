/** The minutes page's toolbar: back to the meeting, full or public, the downloads of the copy shown, and Print. */
import { css, html, nothing } from 'lit';
import type { MeetingResponse } from '../../shared/api.js';
import { hasPublicVersion, type MinutesVersion } from '../../shared/council-minutes.js';
import { meetingPath, minutesArchivePath } from '../shell/routes.js';
import { minutesDownloadUrl, type MinutesFormat, type MinutesRevisionChoice } from './minutes-api.js';

const FORMATS: { format: MinutesFormat; label: string }[] = [
  { format: 'docx', label: 'Word' },
  { format: 'html', label: 'HTML' },
  { format: 'md', label: 'Markdown' },
];

export interface MinutesToolbarOptions {
  meeting: MeetingResponse;
  /** Members choose full or public; others read the public version only. */
  member: boolean;
  version: MinutesVersion;
  /** The copy the address asks for, kept in the download links. */
  revision: MinutesRevisionChoice;
  onVersionChange(version: MinutesVersion): void;
  onPrint(): void;
}

export function minutesToolbar({ meeting, member, version, revision, onVersionChange, onPrint }: MinutesToolbarOptions) {
  const id = meeting.meeting.id;
  const choice = (value: MinutesVersion, label: string) => html`<label>
    <input type="radio" name="version" value=${value} .checked=${version === value} @change=${() => onVersionChange(value)} />
    ${label}
  </label>`;
  return html`<div class="toolbar">
    <a href=${member ? meetingPath(id) : minutesArchivePath(meeting.body.id)}>${member ? 'Back to the meeting' : 'Back to the minutes archive'}</a>
    ${member && hasPublicVersion(meeting.body)
      ? html`<fieldset>
          <legend>Version</legend>
          ${choice('full', 'Full (members)')} ${choice('public', 'Public (exempt items left out)')}
        </fieldset>`
      : nothing}
    <div>
      <span id="downloads-label">Download the ${version === 'public' ? 'public' : 'full'} version:</span>
      <ul class="downloads" aria-labelledby="downloads-label">
        ${FORMATS.map(({ format, label }) => html`<li><a href=${minutesDownloadUrl(id, format, version, revision)} download>${label}</a></li>`)}
      </ul>
    </div>
    <button type="button" @click=${onPrint}>Print or save as PDF</button>
  </div>`;
}

export const minutesToolbarStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75rem 1.5rem;
    margin: 0 0 1.5rem;
  }
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }
  legend {
    font-weight: 600;
    padding: 0;
  }
  fieldset label {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
  }
  fieldset input {
    width: 1.25rem;
    height: 1.25rem;
  }
  .downloads {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  @media print {
    .toolbar,
    .status {
      display: none;
    }
  }
`;
