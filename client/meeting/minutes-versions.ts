import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatDate } from '../../shared/dates.js';
import type { MinutesRevision } from '../../shared/minutes-api.js';
import { baseStyles } from '../shell/styles.js';
import { minutesRevisionPath } from '../shell/routes.js';
import type { MinutesRevisionChoice } from './minutes-api.js';

/** Enough of a SHA-256 to tell versions apart at a glance; the full hash is a click away. */
const SHORT_HASH = 12;

/**
 * Every stored version of a meeting's minutes, each one readable as it was
 * confirmed or corrected, with its content hash; and, for members, the
 * working draft.
 */
@customElement('minutes-versions')
export class MinutesVersions extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        margin: 0 0 1.5rem;
      }
      h2 {
        font-size: 1.25rem;
        margin: 0.75rem 0 0.5rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        border-bottom: 1px solid var(--q-border);
        padding: 0.375rem 0.5rem;
        text-align: left;
        vertical-align: top;
      }
      code {
        overflow-wrap: anywhere;
      }
      summary {
        cursor: pointer;
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  /** The meeting whose minutes these are. */
  @property({ type: Number, attribute: 'meeting-id' }) meetingId = 0;

  /** Every stored version, oldest first. */
  @property({ attribute: false }) revisions: MinutesRevision[] = [];

  /** The copy on screen: a version's number, or the working draft. */
  @property({ attribute: false }) shown: MinutesRevisionChoice = null;

  /** Offer the working draft (members only). */
  @property({ type: Boolean, attribute: 'offers-working' }) offersWorking = false;

  override render() {
    const revisions = this.revisions;
    return html`<section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      ${revisions.length === 0
        ? html`<p>No version has been stored yet: the minutes are stored when they are confirmed as a correct record.</p>`
        : html`<table>
            <caption class="visually-hidden">Stored versions of these minutes</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Stored</th>
                <th scope="col">By</th>
                <th scope="col">Reason</th>
                <th scope="col">Published</th>
                <th scope="col">Content hash (SHA-256)</th>
              </tr>
            </thead>
            <tbody>
              ${[...revisions].reverse().map((revision) => this._renderRevision(revision))}
            </tbody>
          </table>`}
      ${this.offersWorking
        ? html`<p>
            <a href=${minutesRevisionPath(this.meetingId, 'working')} aria-current=${this.shown === 'working' ? 'page' : nothing}>Working draft</a>
            (the minutes as they stand now, which may differ from any stored version)
          </p>`
        : nothing}
    </section>`;
  }

  private _renderRevision(revision: MinutesRevision) {
    const shown = this.shown === revision.number;
    return html`<tr>
      <th scope="row">
        <a href=${minutesRevisionPath(this.meetingId, revision.number)} aria-current=${shown ? 'page' : nothing}>Version ${revision.number}</a>
        ${shown ? html`<span class="visually-hidden">(shown)</span>` : nothing}
      </th>
      <td>${formatDate(revision.createdAt)}</td>
      <td>${revision.createdBy}</td>
      <td>${revision.reason ?? 'First confirmed'}</td>
      <td>${revision.publishedAt ? formatDate(revision.publishedAt) : 'Not published'}</td>
      <td>
        <details>
          <summary><code>${revision.hash.slice(0, SHORT_HASH)}…</code><span class="visually-hidden"> show the full hash</span></summary>
          <code>${revision.hash}</code>
        </details>
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'minutes-versions': MinutesVersions;
  }
}
