import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CurrentUser, MeetingResponse } from '../../shared/api.js';
import type { CouncilMinutes, MinutesVersion } from '../../shared/council-minutes.js';
import type { MinutesStatusView } from '../../shared/minutes-api.js';
import { minutesRevisionParam } from '../../shared/minutes-lifecycle.js';
import { mayReadMinutes } from '../../shared/permissions.js';
import { LiveListController } from '../live/index.js';
import { getMeeting } from '../shell/api.js';
import { isLoading, loadFailedPanel, loadingStatus, loadTitledPage, type Found } from '../shell/page-load.js';
import { MAP_PATH, meetingPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import { getCouncilMinutes, getMinutesStatus, type MinutesRevisionChoice } from './minutes-api.js';
import { minutesToolbar, minutesToolbarStyles } from './minutes-page-toolbar.js';
import { a4PrintSheet, printSheetFor } from './minutes-print-sheet.js';
import type { PrintableMinutes } from './printable-minutes.js';
import './minutes-comments.js';
import './minutes-lifecycle-panel.js';
import './minutes-versions.js';
import './printable-minutes.js';

type Loaded = Found<{ meeting: MeetingResponse; minutes: CouncilMinutes; status: MinutesStatusView; member: boolean }>;

/** Members read every copy; anyone else only the published public version. */
const isMember = (meeting: MeetingResponse) => mayReadMinutes(meeting.body, 'full', false);

/** The copy the address asks for (`?revision=2`, `?revision=working`), or null for the server's default. */
function revisionIn(query: string): MinutesRevisionChoice {
  const parsed = minutesRevisionParam.safeParse(new URLSearchParams(query).get('revision') ?? undefined);
  return parsed.success ? (parsed.data ?? null) : null;
}

/**
 * A meeting's minutes to council standard, to read, print (A4, page numbers,
 * the body and date in the running header) or download as Word, HTML or
 * Markdown, in the members' full version or the public one; with where they
 * stand after the meeting (circulated, confirmed, published), the steps this
 * person may take, every stored version, and members' comments.
 */
@customElement('minutes-page')
export class MinutesPage extends LitElement {
  static override styles = [
    baseStyles,
    minutesToolbarStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** The id of the meeting whose minutes to show. */
  @property({ type: Number, attribute: 'meeting-id' }) meetingId = 0;

  /** The address's query (`?revision=N` or `?revision=working`): which copy to show. */
  @property() query = '';

  /** The signed-in user (the app passes it to every page; the minutes come from the server as theirs). */
  @property({ attribute: false }) user: CurrentUser | null = null;

  /** Full or public, once the reader has chosen; until then members get the full version and others the public one. */
  @state() private _version: MinutesVersion | null = null;

  private readonly _load = new Task(this, {
    task: ([meetingId, chosen, revision], { signal }) =>
      loadTitledPage<Loaded>(this, signal, {
        load: async () => {
          const meeting = await getMeeting(meetingId);
          const member = isMember(meeting);
          const version = chosen ?? (member ? 'full' : 'public');
          const [minutes, status] = await Promise.all([getCouncilMinutes(meetingId, version, revision), getMinutesStatus(meetingId)]);
          return { found: true, meeting, minutes, status, member };
        },
        notFound: { found: false },
        heading: (loaded) => (loaded.found ? `Minutes of ${loaded.meeting.meeting.title}` : 'Meeting not found'),
        failedHeading: 'Minutes',
      }),
    args: () => [this.meetingId, this._version, revisionIn(this.query)] as const,
  });

  constructor() {
    super();
    // Another member's step (circulated, confirmed, published, a comment) shows here without a reload.
    new LiveListController(this, {
      bodyId: () => (this._load.value?.found ? this._load.value.meeting.body.id : null),
      lists: ['minutes'],
      refresh: () => void this._load.run(),
    });
  }

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
    const { meeting, minutes, status, member } = loaded;
    const revision: MinutesRevisionChoice = minutes.revision?.number ?? 'working';
    return html`${minutesToolbar({
        meeting,
        member,
        version: this._version ?? minutes.version,
        revision: revisionIn(this.query),
        onVersionChange: this._onVersionChange,
        onPrint: this._onPrintClick,
      })}
      <p class="status" role="status">${isLoading(this._load) ? 'Loading…' : ''}</p>
      <minutes-lifecycle-panel .status=${status} @minutes-step-taken=${this._onStepTaken}></minutes-lifecycle-panel>
      <minutes-versions meeting-id=${meeting.meeting.id} .revisions=${status.revisions} .shown=${revision} ?offers-working=${member}></minutes-versions>
      <printable-minutes .minutes=${minutes} .bodyId=${meeting.body.id}></printable-minutes>
      ${member && (status.mayComment || status.commentCount > 0 || status.stage === 'circulated')
        ? html`<minutes-comments
            meeting-id=${meeting.meeting.id}
            comment-count=${status.commentCount}
            ?may-comment=${status.mayComment}
            .items=${minutes.items}
          ></minutes-comments>`
        : nothing}`;
  }

  private _onVersionChange = (version: MinutesVersion) => {
    this._version = version;
  };

  private _onPrintClick = () => {
    window.print();
  };

  private _onStepTaken() {
    void this._load.run();
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
