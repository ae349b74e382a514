import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { CouncilMinutes, MinutesItem } from '../../shared/council-minutes.js';
import { confirmationStatement, exemptItemHeading, hashLine, partTwoMarking, SIGNATURE_LINE, versionLine } from '../../shared/council-minutes-record.js';
import { formatDate } from '../../shared/dates.js';
import { renderMarkdown } from './markdown.js';
import { minutesActionsTable } from './minutes-actions-table.js';
import { baseStyles } from '../shell/styles.js';

/**
 * A meeting's minutes as a council files them, for reading, printing or
 * saving as PDF: the record the server builds (and exports), so the page and
 * the downloads say the same thing.
 */
@customElement('printable-minutes')
export class PrintableMinutes extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 48rem;
      }
      .marking {
        text-align: center;
        font-weight: 700;
        letter-spacing: 0.05em;
        margin: 0 0 1rem;
      }
      .note {
        font-weight: 700;
        border: 2px solid var(--q-text);
        padding: 0.25rem 0.75rem;
        display: inline-block;
      }
      h2 {
        font-size: 1.25rem;
        margin: 1.75rem 0 0.5rem;
      }
      ul {
        margin: 0;
        padding-left: 1.25rem;
      }
      .item {
        border-top: 1px solid var(--q-border);
        margin-top: 1.5rem;
        break-inside: avoid;
      }
      .minutes-text :first-child {
        margin-top: 0;
      }
      .minutes-text h1,
      .minutes-text h2,
      .minutes-text h3,
      .minutes-text h4 {
        font-size: 1.0625rem;
        margin: 1rem 0 0.25rem;
      }
      .resolved {
        margin: 0.75rem 0;
        padding-left: 1rem;
        border-left: 4px solid var(--q-text);
        break-inside: avoid;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        border: 1px solid var(--q-text);
        padding: 0.25rem 0.5rem;
        text-align: left;
        vertical-align: top;
      }
      .signature {
        margin-top: 3rem;
      }
      .version-line {
        color: var(--q-secondary-text);
        font-size: 0.9375rem;
      }
      .hash {
        overflow-wrap: anywhere;
      }
      .state {
        font-weight: 700;
        white-space: nowrap;
      }
      .state.overdue {
        color: var(--q-error);
      }
      @media print {
        .now {
          display: none;
        }
        :host {
          max-width: none;
          font-size: 11pt;
        }
        a,
        a:visited {
          color: inherit;
          text-decoration: none;
        }
        h2 {
          break-after: avoid;
        }
      }
    `,
  ];

  /** The minutes to show, as the server builds them. */
  @property({ attribute: false }) minutes: CouncilMinutes | null = null;

  /** The meeting's body, so each action's reference links to its action log; null leaves them as text. */
  @property({ attribute: false }) bodyId: number | null = null;

  override render() {
    const minutes = this.minutes;
    if (!minutes) return nothing;
    const marking = minutes.marking ? html`<p class="marking">${minutes.marking}</p>` : nothing;
    return html`<article aria-labelledby="minutes-heading">
      ${marking}
      <h1 id="minutes-heading" tabindex="-1">${minutes.heading}</h1>
      ${minutes.version === 'public' ? html`<p><em>Public version: exempt business is left out.</em></p>` : nothing}
      ${minutes.draft ? html`<p class="note">${draftNote(minutes)}</p>` : nothing}
      ${this._renderVersionLine(minutes)}
      ${minutes.chairedBy ? html`<p><strong>Chair:</strong> ${minutes.chairedBy}</p>` : nothing}
      <section aria-labelledby="present-heading">
        <h2 id="present-heading">Present</h2>
        ${minutes.present.length === 0
          ? html`<p>None recorded.</p>`
          : html`<ul>
              ${minutes.present.map(({ agency, people }) => html`<li><strong>${agency}:</strong> ${people.join(', ')}</li>`)}
            </ul>`}
      </section>
      ${minutes.inAttendance.length > 0 ? this._renderList('attendance', 'In attendance', minutes.inAttendance) : nothing}
      ${this._renderList('apologies', 'Apologies', minutes.apologies)}
      ${this._renderList(
        'declarations',
        'Declarations of interest',
        minutes.declarations.map(({ member, about, interest }) => `${member} (${about}): ${interest}`),
      )}
      ${minutes.items.map((item) => this._renderItem(item))}
      ${minutes.actions.length > 0 ? this._renderActions(minutes) : nothing}
      ${minutes.escalations.length > 0
        ? this._renderList('escalations', 'Escalations made', minutes.escalations.map(({ summary, toBody }) => `To ${toBody}: ${summary}`))
        : nothing}
      ${minutes.priorities.length > 0
        ? this._renderList('priorities', 'Priorities received', minutes.priorities.map(({ title, fromBody }) => `From ${fromBody}: ${title}`))
        : nothing}
      <section aria-labelledby="next-heading">
        <h2 id="next-heading">Date of next meeting</h2>
        <p>${minutes.nextMeeting ?? 'To be arranged.'}</p>
      </section>
      ${this._renderSignature(minutes)}
      ${marking}
    </article>`;
  }

  private _renderVersionLine(minutes: CouncilMinutes) {
    const hash = hashLine(minutes);
    const revision = minutes.revision;
    return html`<p class="version-line">
      ${versionLine(minutes)}${revision?.publishedAt ? html`; published ${formatDate(revision.publishedAt)}` : nothing}.
      ${hash ? html`<br /><code class="hash">${hash}</code>` : nothing}
    </p>`;
  }

  private _renderSignature(minutes: CouncilMinutes) {
    const statement = confirmationStatement(minutes);
    if (!statement) return html`<p class="signature">${SIGNATURE_LINE}</p>`;
    return html`<div class="signature confirmation">${statement.map((line) => html`<p>${line}</p>`)}</div>`;
  }

  private _renderList(key: string, heading: string, lines: readonly string[]) {
    return html`<section aria-labelledby="${key}-heading">
      <h2 id="${key}-heading">${heading}</h2>
      ${lines.length === 0 ? html`<p>None.</p>` : html`<ul>${lines.map((line) => html`<li>${line}</li>`)}</ul>`}
    </section>`;
  }

  private _renderItem(item: MinutesItem) {
    const id = `item-${item.number}-heading`;
    if (item.exempt) {
      return html`<section class="item" aria-labelledby=${id}>
        <h2 id=${id}>${exemptItemHeading(item)}</h2>
      </section>`;
    }
    return html`<section class="item" aria-labelledby=${id}>
      <h2 id=${id}>${item.number}. ${item.title.toUpperCase()}</h2>
      ${item.partTwo ? html`<p class="marking">${partTwoMarking(item)}</p>` : nothing}
      ${item.presenter ? html`<p><em>Presented by ${item.presenter}</em></p>` : nothing}
      ${item.minutes ? html`<div class="minutes-text">${unsafeHTML(renderMarkdown(item.minutes))}</div>` : nothing}
      ${item.resolutions.map(
        ({ wording, reason }) => html`<div class="resolved">
          <p><strong>RESOLVED</strong> ${wording}</p>
          ${reason ? html`<p><strong>Reason</strong></p><div class="minutes-text">${unsafeHTML(renderMarkdown(reason))}</div>` : nothing}
        </div>`,
      )}
    </section>`;
  }

  private _renderActions(minutes: CouncilMinutes) {
    return html`<section aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      ${minutesActionsTable(minutes.actions, this.bodyId)}
    </section>`;
  }

  /** Moves focus to the minutes' heading, for after a route change. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

function draftNote(minutes: CouncilMinutes): string {
  return minutes.stage === 'correcting'
    ? 'Working copy: a correction is in progress. The confirmed versions stay as they were.'
    : 'Draft: these minutes may still change until they are confirmed as a correct record.';
}

declare global {
  interface HTMLElementTagNameMap {
    'printable-minutes': PrintableMinutes;
  }
}
