import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { BodyMember, MeetingResponse } from '../../shared/api.js';
import { formatDateTime } from '../../shared/dates.js';
import { resolutionWording, type AgendaItem, type AttendanceStatus, type Declaration } from '../../shared/meeting-doc.js';
import { compareRoles } from '../../shared/roles.js';
import { renderMarkdown } from './markdown.js';
import { MeetingController } from './meeting-controller.js';
import type { MeetingStore } from './meeting-store.js';
import { baseStyles } from '../shell/styles.js';


/** An agenda item with its number on the full agenda. */
interface NumberedItem {
  number: number;
  item: AgendaItem;
}

/**
 * A meeting's minutes as a formal document, for printing or saving as PDF:
 * who came, declarations, then each item with its minutes and resolutions.
 * Part II (confidential) items are included and labelled, unless the reader
 * leaves them out to make a version that can be circulated.
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
      .options {
        border-left: 6px solid var(--q-border);
        background: var(--q-muted-background);
        padding: 0.5rem 1rem;
        margin: 0 0 2rem;
      }
      .options label {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-height: 2.75rem;
        font-weight: 600;
      }
      .options input {
        width: 1.25rem;
        height: 1.25rem;
      }
      .options p {
        margin: 0;
        color: var(--q-secondary-text);
      }
      .facts {
        margin: 0 0 1rem;
        font-size: 1.125rem;
      }
      .draft {
        font-weight: 700;
        border: 2px solid var(--q-text);
        padding: 0.25rem 0.75rem;
        display: inline-block;
      }
      h2 {
        font-size: 1.25rem;
        margin: 1.75rem 0 0.5rem;
      }
      ul.people {
        margin: 0;
        padding-left: 1.25rem;
      }
      .item {
        border-top: 1px solid var(--q-border);
        margin-top: 1.5rem;
        break-inside: avoid;
      }
      .item h2 {
        display: flex;
        gap: 0.75rem;
      }
      .part-two {
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.03em;
        margin: 0 0 0.5rem;
      }
      .presenter {
        color: var(--q-secondary-text);
        margin: 0 0 0.5rem;
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
      .none {
        color: var(--q-secondary-text);
      }
      @media print {
        :host {
          max-width: none;
          font-size: 11pt;
        }
        .options {
          display: none;
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

  /** The meeting whose minutes these are, as its store. */
  @property({ attribute: false }) store: MeetingStore | null = null;

  /** The meeting: its body, time and place head the minutes. */
  @property({ attribute: false }) meeting: MeetingResponse | null = null;

  /** The body's members, whose names and agencies attendance and declarations are recorded against. */
  @property({ attribute: false }) members: BodyMember[] = [];

  @state() private _leaveOutPartTwo = false;

  constructor() {
    super();
    new MeetingController(this, { store: () => this.store });
  }

  override render() {
    const response = this.meeting;
    if (!this.store || !response) return nothing;
    const snapshot = this.store.snapshot;
    const status = this.store.loaded ? snapshot.status : response.meeting.status;
    // Numbers come from the full agenda, so "item 4" means the same item in both versions.
    const numbered: NumberedItem[] = snapshot.agenda.map((item, index) => ({ number: index + 1, item }));
    const shown = this._leaveOutPartTwo ? numbered.filter(({ item }) => !item.partTwo) : numbered;
    const leftOut = numbered.length - shown.length;
    const shownIds = new Set(shown.map(({ item }) => item.id));
    const declarations = snapshot.declarations.filter((declaration) => declaration.itemId === null || shownIds.has(declaration.itemId));
    const { meeting, body } = response;
    return html`
      ${numbered.some(({ item }) => item.partTwo) ? this._renderOptions() : nothing}
      <article aria-labelledby="minutes-heading">
        <h1 id="minutes-heading" tabindex="-1">Minutes of the ${body.name} meeting</h1>
        <p class="facts">
          <time datetime=${meeting.startsAt}>${formatDateTime(meeting.startsAt)}</time>${meeting.location
            ? html`<br />${meeting.location}`
            : nothing}
        </p>
        ${status === 'closed'
          ? nothing
          : html`<p class="draft">Draft: the meeting has not been closed, so these minutes may still change.</p>`}
        ${this._renderAttendance(snapshot.attendance, 'present', 'Present')}
        ${this._renderAttendance(snapshot.attendance, 'apologies', 'Apologies')}
        <section aria-labelledby="declarations-heading">
          <h2 id="declarations-heading">Declarations of interest</h2>
          ${declarations.length === 0
            ? html`<p class="none">None were declared.</p>`
            : html`<ul class="people">
                ${declarations.map((declaration) => this._renderDeclaration(declaration, numbered))}
              </ul>`}
        </section>
        ${shown.map((numberedItem) => this._renderItem(numberedItem))}
        ${leftOut > 0
          ? html`<p class="none">
              ${leftOut === 1 ? 'One Part II (confidential) item is' : `${leftOut} Part II (confidential) items are`} left out of
              this version.
            </p>`
          : nothing}
      </article>
    `;
  }

  private _renderOptions() {
    return html`<div class="options">
      <label>
        <input type="checkbox" .checked=${this._leaveOutPartTwo} @change=${this._onLeaveOutPartTwoChange} />
        Leave out Part II items
      </label>
      <p>For a version to circulate beyond the members: confidential items, and declarations about them, are removed.</p>
    </div>`;
  }

  private _memberLabel(member: BodyMember | undefined): string {
    return member ? `${member.name} — ${member.agency.name}` : 'A former member';
  }

  private _renderAttendance(attendance: Record<number, AttendanceStatus>, status: AttendanceStatus, heading: string) {
    const members = new Map(this.members.map((member) => [member.userId, member]));
    const people = Object.entries(attendance)
      .filter(([, recorded]) => recorded === status)
      .map(([userId]) => members.get(Number(userId)))
      .sort(
        (a, b) =>
          Number(a === undefined) - Number(b === undefined) ||
          (a && b ? compareRoles(a.role, b.role) || a.name.localeCompare(b.name, 'en-GB') : 0),
      );
    const id = `${status}-heading`;
    return html`<section aria-labelledby=${id}>
      <h2 id=${id}>${heading}</h2>
      ${people.length === 0
        ? html`<p class="none">None recorded.</p>`
        : html`<ul class="people">
            ${people.map((member) => html`<li>${this._memberLabel(member)}</li>`)}
          </ul>`}
    </section>`;
  }

  private _renderDeclaration(declaration: Declaration, numbered: NumberedItem[]) {
    const member = this.members.find((candidate) => candidate.userId === declaration.userId);
    const about = numbered.find(({ item }) => item.id === declaration.itemId);
    return html`<li>
      <strong>${this._memberLabel(member)}</strong>
      (${about ? `item ${about.number}, ${about.item.title}` : 'the meeting as a whole'}): ${declaration.interest}
    </li>`;
  }

  private _renderItem({ number, item }: NumberedItem) {
    const id = `item-${number}-heading`;
    return html`<section class="item" aria-labelledby=${id}>
      <h2 id=${id}><span class="number">${number}.</span> <span>${item.title}</span></h2>
      ${item.partTwo ? html`<p class="part-two">Part II (confidential)</p>` : nothing}
      ${item.presenter ? html`<p class="presenter">Presented by ${item.presenter}</p>` : nothing}
      ${item.minutes.trim()
        ? html`<div class="minutes-text">${unsafeHTML(renderMarkdown(item.minutes))}</div>`
        : html`<p class="none">No minutes were recorded.</p>`}
      ${item.decisions
        .map((decision) => resolutionWording(decision.text))
        .filter((wording) => wording !== '')
        .map((wording) => html`<p class="resolved"><strong>RESOLVED</strong> ${wording}</p>`)}
    </section>`;
  }

  private _onLeaveOutPartTwoChange(event: Event) {
    this._leaveOutPartTwo = (event.target as HTMLInputElement).checked;
  }

  /** Moves focus to the minutes' heading, for after a route change. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'printable-minutes': PrintableMinutes;
  }
}
