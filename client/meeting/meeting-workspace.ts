import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { html as staticHtml, literal } from 'lit/static-html.js';
import type { Awareness } from 'y-protocols/awareness';
import type { BodyMember, CurrentUser } from '../../shared/api.js';
import type { AgendaItem } from '../../shared/meeting-doc.js';
import type { MeetingStatus } from '../../shared/meetings.js';
import type { MeetingPhase } from '../../shared/minutes-lifecycle.js';
import { mayEditAgenda, mayRecordDecisions, maySetCurrentItem } from '../../shared/permissions.js';
import type { Role } from '../../shared/roles.js';
import { baseStyles } from '../shell/styles.js';
import { MeetingController } from './meeting-controller.js';
import type { MeetingStore } from './meeting-store.js';
import { readParticipants } from './presence.js';
import './agenda-list.js';
import './attendance-panel.js';
import './decisions-list.js';
import './declarations-panel.js';
import './minutes-editor.js';
import './presence-list.js';

export const RUN_BAR_REQUESTED = 'run-bar-requested';

/** The items attendance and declarations are taken under (the standard agenda's opening items). */
const APOLOGIES_ITEM = /^apologies\b/i;
const DECLARATIONS_ITEM = /^declarations? of interest/i;
/** The workspace stacks into one column below this width, so the open item's minutes sit below the agenda. */
const ONE_COLUMN = '(max-width: 60rem)';

/**
 * The meeting's working area: who is here, the agenda, and the open item —
 * its minutes, attendance under Apologies, declarations under Declarations of
 * interest, and its decisions. The page slots in the raise-action form
 * (`raise-action`) and the outstanding actions (`action-review`).
 */
@customElement('meeting-workspace')
export class MeetingWorkspace extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .workspace {
        display: grid;
        grid-template-columns: minmax(16rem, 22rem) minmax(0, 1fr);
        gap: 2rem;
        align-items: start;
      }
      @media (max-width: 60rem) {
        .workspace {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .workspace > section > h2:first-child,
      .workspace > div > section:first-child > h2 {
        margin-top: 0;
      }
      .item-badges {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: -0.5rem 0 1rem;
      }
      .to-run-bar {
        margin-top: 1.5rem;
      }
    `,
  ];

  /** The meeting, as its store. */
  @property({ attribute: false }) store: MeetingStore | null = null;

  /** This client's presence. */
  @property({ attribute: false }) awareness: Awareness | null = null;

  /** The signed-in user. */
  @property({ attribute: false }) user: CurrentUser | null = null;

  /** The body's members, for attendance and declarations. */
  @property({ attribute: false }) members: BodyMember[] = [];

  /** The signed-in person's role on the body. */
  @property({ attribute: false }) myRole: Role | null = null;

  /** Where the meeting has got to. */
  @property({ attribute: false }) status: MeetingStatus = 'scheduled';

  /** Where it stands for editing, which the rules go by: its status, or `minuting` while a closed meeting's minutes are drafted. */
  @property({ attribute: false }) phase: MeetingPhase = 'scheduled';

  /** The connection was refused or lost, or the rulebook gives read access only. */
  @property({ type: Boolean }) readonly = false;

  /** The item the user has open (the page keeps it, from `item-selected`). */
  @property({ attribute: false }) selectedItemId: string | null = null;

  /** Offer to raise actions from the minutes. */
  @property({ type: Boolean, attribute: 'can-raise-actions' }) canRaiseActions = false;

  @query('section.item') private _itemSection!: HTMLElement | null;

  /** Set when the user picks an item, so the next render brings its minutes into view on a phone. */
  private _bringItemIntoView = false;

  constructor() {
    super();
    new MeetingController(this, { store: () => this.store, awareness: () => this.awareness });
    this.addEventListener('item-selected', () => (this._bringItemIntoView = true));
  }

  /** The item shown: the one the user opened, else the current item, else the first. */
  get shownItem(): AgendaItem | undefined {
    if (!this.store) return undefined;
    const agenda = this.store.agenda;
    const { currentItemId } = this.store.snapshot;
    return agenda.find((item) => item.id === this.selectedItemId) ?? agenda.find((item) => item.id === currentItemId) ?? agenda[0];
  }

  override render() {
    const store = this.store;
    if (!store) return nothing;
    const agenda = store.agenda;
    const participants = this.awareness ? readParticipants(this.awareness) : [];
    const agendaReadonly = this.readonly || !mayEditAgenda(this.myRole, this.phase);
    const runsMeeting = !this.readonly && maySetCurrentItem(this.myRole, this.phase);
    const selected = this.shownItem;
    const waiting = agenda.length === 0 && !store.loaded;
    const hasApologies = agenda.some((item) => APOLOGIES_ITEM.test(item.title));
    const hasDeclarations = agenda.some((item) => DECLARATIONS_ITEM.test(item.title));
    return html`<div class="workspace">
        <div>
          ${this.status === 'closed'
            ? nothing
            : html`<section aria-labelledby="presence-heading">
                <h2 id="presence-heading">Who is here</h2>
                <presence-list
                  .user=${this.user}
                  .participants=${participants}
                  .itemTitles=${new Map(agenda.map((item) => [item.id, item.title]))}
                ></presence-list>
              </section>`}
          <section aria-labelledby="agenda-heading">
            <h2 id="agenda-heading">Agenda</h2>
            ${waiting
              ? html`<p class="status">Loading the agenda…</p>`
              : html`<agenda-list
                  .store=${store}
                  .participants=${participants}
                  .selectedItemId=${selected?.id ?? null}
                  ?readonly=${agendaReadonly}
                  ?runs-meeting=${runsMeeting}
                ></agenda-list>`}
          </section>
        </div>
        <section class="item" aria-labelledby="item-heading">
          ${selected ? this._renderItem(selected, participants) : html`<h2 id="item-heading">Minutes</h2>
                <p>${waiting ? 'Loading…' : 'Add an item to the agenda to start the minutes.'}</p>`}
        </section>
      </div>
      ${hasApologies ? nothing : this._renderPanel('attendance', 'h2', 'Attendance')} ${hasDeclarations ? nothing : this._renderPanel('declarations', 'h2', 'Declarations of interest')}`;
  }

  private _renderItem(item: AgendaItem, participants: ReturnType<typeof readParticipants>) {
    const current = item.id === this.store!.snapshot.currentItemId;
    return html`<h2 id="item-heading">${item.title}</h2>
      ${item.partTwo || current
        ? html`<p class="item-badges">
            ${item.partTwo ? html`<span class="badge part-two">Part II (confidential)</span>` : nothing}
            ${current ? html`<span class="badge current">Current item</span>` : nothing}
          </p>`
        : nothing}
      <minutes-editor
        .store=${this.store}
        .awareness=${this.awareness}
        .participants=${participants}
        item-id=${item.id}
        ?readonly=${this.readonly}
        ?can-raise-actions=${this.canRaiseActions}
      ></minutes-editor>
      <slot name="raise-action"></slot>
      ${APOLOGIES_ITEM.test(item.title) ? this._renderPanel('attendance', 'h3', 'Attendance') : nothing}
      ${DECLARATIONS_ITEM.test(item.title) ? this._renderPanel('declarations', 'h3', 'Declarations recorded') : nothing}
      <slot name="action-review"></slot>
      <decisions-list
        .store=${this.store}
        item-id=${item.id}
        ?readonly=${this.readonly || !mayRecordDecisions(this.myRole, this.phase)}
      ></decisions-list>
      ${this.status === 'live'
        ? html`<p class="to-run-bar">
            <button type="button" class="link-like" aria-keyshortcuts="Alt+Shift+R" @click=${this._onRunBarClick}>
              Back to the meeting controls (Alt+Shift+R)
            </button>
          </p>`
        : nothing}`;
  }

  /** An attendance or declarations panel, under a heading at the level its place calls for. */
  private _renderPanel(panel: 'attendance' | 'declarations', level: 'h2' | 'h3', headingText: string) {
    const id = `${panel}-heading`;
    const heading = level === 'h2' ? html`<h2 id=${id}>${headingText}</h2>` : html`<h3 id=${id}>${headingText}</h3>`;
    const tag = panel === 'attendance' ? literal`attendance-panel` : literal`declarations-panel`;
    return staticHtml`<section class="panel" aria-labelledby=${id}>
      ${heading}
      <${tag}
        .store=${this.store}
        .members=${this.members}
        .myRole=${this.myRole}
        .phase=${this.phase}
        user-id=${this.user?.id ?? 0}
        ?readonly=${this.readonly}
      ></${tag}>
    </section>`;
  }

  override updated(changed: PropertyValues<this>) {
    if (changed.has('selectedItemId') && this._bringItemIntoView) {
      this._bringItemIntoView = false;
      if (window.matchMedia(ONE_COLUMN).matches) this._itemSection?.scrollIntoView({ block: 'start' });
    }
  }

  private _onRunBarClick() {
    this.dispatchEvent(new CustomEvent(RUN_BAR_REQUESTED, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'meeting-workspace': MeetingWorkspace;
  }
  interface HTMLElementEventMap {
    [RUN_BAR_REQUESTED]: CustomEvent<void>;
  }
}
