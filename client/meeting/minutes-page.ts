import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CurrentUser, MeetingResponse } from '../../shared/api.js';
import { hasPublicVersion, type CouncilMinutes, type MinutesVersion } from '../../shared/council-minutes.js';
import { getMeeting } from '../shell/api.js';
import { isLoading, loadFailedPanel, loadingStatus, loadTitledPage, type Found } from '../shell/page-load.js';
import { MAP_PATH, meetingPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import { getCouncilMinutes, minutesDownloadUrl, type MinutesFormat } from './minutes-api.js';
import { a4PrintSheet, printSheetFor } from './minutes-print-sheet.js';
import type { PrintableMinutes } from './printable-minutes.js';
import './printable-minutes.js';

type Loaded = Found<{ meeting: MeetingResponse; minutes: CouncilMinutes }>;

const FORMATS: { format: MinutesFormat; label: string }[] = [
  { format: 'docx', label: 'Word' },
  { format: 'html', label: 'HTML' },
  { format: 'md', label: 'Markdown' },
];

/**
 * A meeting's minutes to council standard, to read, print (A4, page numbers,
 * the body and date in the running header) or download as Word, HTML or
 * Markdown, in the members' full version or the public one.
 */
@customElement('minutes-page')
export class MinutesPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
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
        .toolbar {
          display: none;
        }
      }
    `,
  ];

  /** The id of the meeting whose minutes to show. */
  @property({ type: Number, attribute: 'meeting-id' }) meetingId = 0;

  /** The signed-in user (the app passes it to every page; the minutes come from the server as theirs). */
  @property({ attribute: false }) user: CurrentUser | null = null;

  @state() private _version: MinutesVersion = 'full';

  private readonly _load = new Task(this, {
    task: ([meetingId, version], { signal }) =>
      loadTitledPage<Loaded>(this, signal, {
        load: async () => {
          const meeting = await getMeeting(meetingId);
          return { found: true, meeting, minutes: await getCouncilMinutes(meetingId, version) };
        },
        notFound: { found: false },
        heading: (loaded) => (loaded.found ? `Minutes of ${loaded.meeting.meeting.title}` : 'Meeting not found'),
        failedHeading: 'Minutes',
      }),
    args: () => [this.meetingId, this._version] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, a4PrintSheet];
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== a4PrintSheet);
  }

  override updated() {
    const loaded = this._load.value;
    printSheetFor(loaded?.found ? loaded.minutes : null);
  }

  override render() {
    const loaded = this._load.value;
    if (this._load.error !== undefined && !isLoading(this._load)) {
      return html`<h1 tabindex="-1">Sorry, these minutes could not be loaded</h1>
        ${loadFailedPanel(this._load.error, () => void this._load.run())}
        <p><a href=${meetingPath(this.meetingId)}>Back to the meeting</a></p>`;
    }
    if (!loaded) return html`<h1 tabindex="-1">Loading minutes…</h1><div aria-busy="true">${loadingStatus}</div>`;
    if (!loaded.found) {
      return html`<h1 tabindex="-1">Meeting not found</h1>
        <p>There is no meeting at this address. It may have been removed, or the link may be wrong.</p>
        <p><a href=${MAP_PATH}>Go to the partnership map</a></p>`;
    }
    return html`${this._renderToolbar(loaded.meeting)}
      <p class="status" role="status">${isLoading(this._load) ? 'Loading…' : ''}</p>
      <printable-minutes .minutes=${loaded.minutes}></printable-minutes>`;
  }

  private _renderToolbar(meeting: MeetingResponse) {
    const id = meeting.meeting.id;
    const publicVersion = hasPublicVersion(meeting.body);
    return html`<div class="toolbar">
      <a href=${meetingPath(id)}>Back to the meeting</a>
      ${publicVersion
        ? html`<fieldset>
            <legend>Version</legend>
            ${this._renderVersion('full', 'Full (members)')} ${this._renderVersion('public', 'Public (exempt items left out)')}
          </fieldset>`
        : nothing}
      <div>
        <span id="downloads-label">Download the ${this._version === 'public' ? 'public' : 'full'} version:</span>
        <ul class="downloads" aria-labelledby="downloads-label">
          ${FORMATS.map(({ format, label }) => html`<li><a href=${minutesDownloadUrl(id, format, this._version)} download>${label}</a></li>`)}
        </ul>
      </div>
      <button type="button" @click=${this._onPrintClick}>Print or save as PDF</button>
    </div>`;
  }

  private _renderVersion(version: MinutesVersion, label: string) {
    return html`<label>
      <input type="radio" name="version" value=${version} .checked=${this._version === version} @change=${this._onVersionChange} />
      ${label}
    </label>`;
  }

  private _onVersionChange(event: Event) {
    this._version = (event.target as HTMLInputElement).value as MinutesVersion;
  }

  private _onPrintClick() {
    window.print();
  }

  /** Moves focus to the page heading, for after a route change. */
  async focusHeading() {
    const minutes = this.renderRoot.querySelector<PrintableMinutes>('printable-minutes');
    if (minutes) {
      await minutes.updateComplete;
      minutes.focusHeading();
    } else {
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'minutes-page': MinutesPage;
  }
}
