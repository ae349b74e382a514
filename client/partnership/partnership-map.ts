import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { BodiesResponse, BodySummary } from '../../shared/api.js';
import { BODY_KIND_LABELS, TIER_LABELS } from '../../shared/bodies.js';
import { ROLE_LABELS } from '../../shared/roles.js';
import {
  DEFAULT_LAYOUT_OPTIONS,
  layOutPartnership,
  yourEscalationRoutes,
  type PartnershipLayout,
  type PlacedBody,
} from './partnership-layout.js';
import { bodyPath, escalationsPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import { partnershipMapStyles } from './partnership-map-styles.js';

const lockIcon = html`<svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
  <path
    fill="currentColor"
    d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H3.5A1.5 1.5 0 0 0 2 8.5v5A1.5 1.5 0 0 0 3.5 15h9a1.5 1.5 0 0 0 1.5-1.5v-5A1.5 1.5 0 0 0 12.5 7h-1V4.5A3.5 3.5 0 0 0 8 1Zm-2 6V4.5a2 2 0 1 1 4 0V7H6Z"
  />
</svg>`;

/** Room at the foot of every box for a waiting-escalations badge, when any body has one. */
const BADGE_ROOM = 28;

/** "1 escalation waiting", "2 escalations waiting" */
function waitingLabel(count: number): string {
  return `${count} ${count === 1 ? 'escalation' : 'escalations'} waiting`;
}

/**
 * The partnership drawn as a diagram: one row per tier, a box per body and a
 * line from each body up to the body it escalates to. The user's own bodies
 * and their escalation route stand out in colour, weight and words, and the
 * same structure is offered as a nested list. A body with escalations
 * waiting for an answer carries a badge linking to its inbox.
 */
@customElement('partnership-map')
export class PartnershipMap extends LitElement {
  static override styles = [baseStyles, partnershipMapStyles];

  /** Every body the user can see, as returned by GET /api/bodies. */
  @property({ attribute: false }) bodies: BodySummary[] = [];

  /** Escalations awaiting an answer, per body (bodies with none are left out). */
  @property({ attribute: false }) waitingEscalations: BodiesResponse['waitingEscalations'] = [];

  @query('.scroller') private _scroller!: HTMLElement;

  override render() {
    const routes = yourEscalationRoutes(this.bodies);
    const onRoute = new Set(routes.flat().map((body) => body.id));
    const waiting = this._waitingByBody();
    const layout = layOutPartnership(
      this.bodies,
      waiting.size > 0 ? { boxHeight: DEFAULT_LAYOUT_OPTIONS.boxHeight + BADGE_ROOM } : {},
    );
    return html`
      ${this._renderRoutes(routes)}
      <ul class="legend" aria-label="Key">
        <li><span class="swatch own"></span> A body you sit on (marked “Your role”)</li>
        <li><span class="swatch route-line"></span> Your escalation route</li>
        <li><span class="swatch line"></span> Escalates to</li>
        <li>${lockIcon} Confidential: only members see its business</li>
      </ul>
      <p class="scroll-hint">The diagram is wider than your screen: scroll sideways, or open the list below it.</p>
      <div class="scroller">${this._renderDiagram(layout, onRoute, waiting)}</div>
      <details>
        <summary>Structure as a list</summary>
        ${this._renderTree(null, waiting)}
      </details>
    `;
  }

  // On a narrow screen, start with the user's own corner of the diagram in view;
  // a live refresh leaves the diagram where the user scrolled it.
  override updated(changed: PropertyValues<this>) {
    if (!changed.has('bodies') || (changed.get('bodies')?.length ?? 0) > 0) return;
    if (this._scroller.scrollWidth <= this._scroller.clientWidth) return;
    const start = yourEscalationRoutes(this.bodies)[0]?.[0];
    const box = start && this.renderRoot.querySelector<HTMLElement>(`a.box[data-body-id="${start.id}"]`);
    if (box) this._scroller.scrollLeft = box.offsetLeft + box.offsetWidth / 2 - this._scroller.clientWidth / 2;
  }

  private _renderRoutes(routes: BodySummary[][]) {
    if (this.bodies.length === 0) return nothing;
    if (routes.length === 0) {
      return html`<section class="routes" aria-labelledby="routes-heading">
        <h2 id="routes-heading">Your escalation route</h2>
        <p>You are not a member of any body yet, so you have no escalation route.</p>
      </section>`;
    }
    const renderRoute = (route: BodySummary[]) => route.map((body) => body.name).join(' → ');
    return html`<section class="routes" aria-labelledby="routes-heading">
      <h2 id="routes-heading">${routes.length === 1 ? 'Your escalation route' : 'Your escalation routes'}</h2>
      ${routes.length === 1
        ? html`<p>${renderRoute(routes[0]!)}</p>`
        : html`<ul>
            ${routes.map((route) => html`<li>${renderRoute(route)}</li>`)}
          </ul>`}
    </section>`;
  }

  private _waitingByBody(): Map<number, number> {
    return new Map(this.waitingEscalations.filter(({ count }) => count > 0).map(({ bodyId, count }) => [bodyId, count]));
  }

  private _renderDiagram(
    layout: PartnershipLayout<BodySummary>,
    onRoute: ReadonlySet<number>,
    waiting: ReadonlyMap<number, number>,
  ) {
    return html`<div
      class="diagram"
      role="group"
      aria-label="Partnership diagram"
      style="width: ${layout.width}px; height: ${layout.height}px"
    >
      <svg
        class="lines"
        width=${layout.width}
        height=${layout.height}
        viewBox="0 0 ${layout.width} ${layout.height}"
        aria-hidden="true"
        focusable="false"
      >
        ${layout.lines.map(
          (line) =>
            svg`<path
              class=${onRoute.has(line.fromId) && onRoute.has(line.toId) ? 'on-route' : ''}
              data-from=${line.fromId}
              data-to=${line.toId}
              d=${line.points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' ')}
            />`,
        )}
      </svg>
      ${layout.rows.map(
        (row) => html`
          <p
            class="tier-label"
            style="left: ${DEFAULT_LAYOUT_OPTIONS.padding}px; top: ${row.y}px; height: ${row.height}px; width: ${DEFAULT_LAYOUT_OPTIONS.gutterWidth - 8}px"
          >
            <strong>Tier ${row.tier}</strong>
            <span>${TIER_LABELS[row.tier] ?? ''}</span>
          </p>
          <ul class="row" aria-label="Tier ${row.tier}">
            ${row.bodies.map((placed) => this._renderBox(placed, onRoute, waiting.get(placed.body.id) ?? 0))}
          </ul>
        `,
      )}
    </div>`;
  }

  private _renderBox({ body, x, y, width, height }: PlacedBody<BodySummary>, onRoute: ReadonlySet<number>, waiting: number) {
    const classes = ['box', body.myRole ? 'own' : '', onRoute.has(body.id) ? 'on-route' : '', waiting > 0 ? 'waiting' : ''].join(' ');
    return html`<li>
      <a
        class=${classes}
        href=${bodyPath(body.id)}
        data-body-id=${body.id}
        style="left: ${x}px; top: ${y}px; width: ${width}px; height: ${height}px"
      >
        <span class="name">${body.name}</span>
        ${body.myRole ? html`<span class="tag role">Your role: ${ROLE_LABELS[body.myRole]}</span>` : nothing}
        ${body.confidential ? html`<span class="tag confidential">${lockIcon} Confidential</span>` : nothing}
        ${!body.myRole && onRoute.has(body.id)
          ? html`<span class="tag route">On your escalation route</span>`
          : nothing}
      </a>
      ${waiting > 0
        ? html`<a
            class="badge"
            href=${escalationsPath(body.id)}
            style="left: ${x + 6}px; top: ${y + height - BADGE_ROOM}px; width: ${width - 12}px"
            >${this._renderWaiting(body, waiting)}</a
          >`
        : nothing}
    </li>`;
  }

  // The body's name is said too: in a list of links, "2 escalations waiting" alone does not say where.
  private _renderWaiting(body: BodySummary, waiting: number) {
    return html`${waitingLabel(waiting)}<span class="visually-hidden"> at ${body.name}</span>`;
  }

  private _renderTree(parentId: number | null, waiting: ReadonlyMap<number, number>): unknown {
    const ids = new Set(this.bodies.map((body) => body.id));
    const children = this.bodies.filter((body) =>
      parentId === null ? body.parentId === null || !ids.has(body.parentId) : body.parentId === parentId,
    );
    if (children.length === 0) return nothing;
    return html`<ul class=${parentId === null ? 'tree' : ''}>
      ${children.map(
        (body) => html`<li>
          <a href=${bodyPath(body.id)}>${body.name}</a>
          <span class="meta">
            (${BODY_KIND_LABELS[body.kind]}, tier ${body.tier}${body.myRole
              ? html`, <strong>your role: ${ROLE_LABELS[body.myRole]}</strong>`
              : nothing}${body.confidential ? ', confidential' : ''})
          </span>
          ${waiting.has(body.id)
            ? html`<a class="waiting" href=${escalationsPath(body.id)}>${this._renderWaiting(body, waiting.get(body.id)!)}</a>`
            : nothing}
          ${this._renderTree(body.id, waiting)}
        </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'partnership-map': PartnershipMap;
  }
}
