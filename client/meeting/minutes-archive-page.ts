import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BodySummary } from '../../shared/api.js';
import { formatDate } from '../../shared/dates.js';
import type { MinutesArchiveEntry } from '../../shared/minutes-api.js';
import { MINUTES_STAGE_LABELS } from '../../shared/minutes-lifecycle.js';
import { LiveListController } from '../live/index.js';
import { getBody } from '../shell/api.js';
import { loadTitledPage, pageBody, type Found } from '../shell/page-load.js';
import { bodyPath, MAP_PATH, minutesPath } from '../shell/routes.js';
import { statusTagStyles } from '../shell/status-tag-styles.js';
import { baseStyles } from '../shell/styles.js';
import { getMinutesArchive } from './minutes-api.js';

type Loaded = Found<{ body: BodySummary; entries: MinutesArchiveEntry[] }>;

const NOT_FOUND_HEADING = 'Minutes archive not found';
const FAILED_HEADING = 'Sorry, this minutes archive could not be loaded';

/**
 * A body's minutes, meeting by meeting, newest first: where each stands,
 * its latest version and when it was published. Members see every closed
 * meeting; other partners see an open body's published minutes.
 */
@customElement('minutes-archive-page')
export class MinutesArchivePage extends LitElement {
  static override styles = [
    baseStyles,
    statusTagStyles,
    css`
      :host {
        display: block;
        max-width: 64rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        border-bottom: 1px solid var(--q-border);
        padding: 0.5rem;
        text-align: left;
        vertical-align: top;
      }
      td.number {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** The body whose minutes to list. */
  @property({ type: Number, attribute: 'body-id' }) bodyId = 0;

  private readonly _archive = new Task(this, {
    task: ([bodyId], { signal }) =>
      loadTitledPage<Loaded>(this, signal, {
        load: async () => {
          const [detail, entries] = await Promise.all([getBody(bodyId), getMinutesArchive(bodyId)]);
          return { found: true, body: detail.body, entries };
        },
        notFound: { found: false },
        heading: headingFor,
        failedHeading: FAILED_HEADING,
      }),
    args: () => [this.bodyId] as const,
  });

  constructor() {
    super();
    new LiveListController(this, { bodyId: () => this.bodyId || null, lists: ['minutes'], refresh: () => void this._archive.run() });
  }

  override render() {
    return pageBody({
      task: this._archive,
      // What was loaded stays on screen while a live change is fetched again.
      loaded: this._archive.value,
      heading: headingFor,
      failedHeading: FAILED_HEADING,
      loadingHeading: 'Loading minutes…',
      notFound: html`<p>There is no body at this address, or its minutes are not shared with you.</p>
        <p><a href=${MAP_PATH}>Go to the partnership map</a></p>`,
      content: ({ body, entries }) => this._renderArchive(body, entries),
    });
  }

  private _renderArchive(body: BodySummary, entries: MinutesArchiveEntry[]) {
    return html`<p><a href=${bodyPath(body.id)}>About ${body.name}</a></p>
      ${entries.length === 0
        ? html`<p>${body.myRole === null ? 'No minutes have been published yet.' : 'No meeting has closed yet, so there are no minutes.'}</p>`
        : html`<table>
            <caption class="visually-hidden">Minutes of ${body.name}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Meeting</th>
                <th scope="col">Date</th>
                <th scope="col">Stage</th>
                <th scope="col">Version</th>
                <th scope="col">Published</th>
                <th scope="col">Items</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              ${entries.map(
                (entry) => html`<tr>
                  <th scope="row"><a href=${minutesPath(entry.meetingId)}>${entry.title}</a></th>
                  <td>${formatDate(entry.startsAt)}</td>
                  <td><span class="status-tag">${MINUTES_STAGE_LABELS[entry.stage]}</span></td>
                  <td>${entry.latestRevision === null ? 'None stored' : `Version ${entry.latestRevision}`}</td>
                  <td>${entry.publishedAt ? formatDate(entry.publishedAt) : 'Not published'}</td>
                  <td class="number">${entry.itemCount}</td>
                  <td class="number">${entry.actionCount}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}`;
  }

  /** Moves focus to the page heading, for after a route change. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

function headingFor(loaded: Loaded): string {
  return loaded.found ? `Minutes archive — ${loaded.body.name}` : NOT_FOUND_HEADING;
}

declare global {
  interface HTMLElementTagNameMap {
    'minutes-archive-page': MinutesArchivePage;
  }
}
