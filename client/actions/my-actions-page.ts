import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ActionSummary } from '../../shared/api.js';
import { isClosedStatus } from '../../shared/actions.js';
import type { Role } from '../../shared/roles.js';
import { getBodiesActions } from './action-api.js';
import { actionStyles } from './action-styles.js';
import './owned-action.js';
import { getMe, getMyActions } from '../shell/api.js';
import { explainApiError } from '../shell/api-errors.js';
import { isLoading, loadFailedPanel, loadingStatus } from '../shell/page-load.js';
import { actionLogPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';

/** The app refreshes the navigation's counts when it hears this. */
export const ACTION_PROGRESS_ADDED = 'action-progress-added';

interface BodyGroup {
  bodyId: number;
  bodyName: string;
  actions: ActionSummary[];
  overdue: number;
}

interface MyActions {
  userId: number;
  roles: ReadonlyMap<number, Role>;
  /** Outstanding actions I own (or did, until I closed them here). */
  mine: ActionSummary[];
  /** Other people's outstanding actions in the bodies I run. */
  theirs: ActionSummary[];
}

/** Actions by body; bodies with overdue actions first, and overdue actions first within each. */
export function groupByBody(actions: ActionSummary[]): BodyGroup[] {
  const groups = new Map<number, BodyGroup>();
  for (const action of actions) {
    const group = groups.get(action.bodyId) ?? { bodyId: action.bodyId, bodyName: action.bodyName, actions: [], overdue: 0 };
    group.actions.push(action);
    if (action.overdue) group.overdue++;
    groups.set(action.bodyId, group);
  }
  const byDue = (a: ActionSummary, b: ActionSummary) =>
    Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.title.localeCompare(b.title, 'en-GB');
  return [...groups.values()]
    .map((group) => ({ ...group, actions: group.actions.sort(byDue) }))
    .sort((a, b) => Number(b.overdue > 0) - Number(a.overdue > 0) || a.bodyName.localeCompare(b.bodyName, 'en-GB'));
}

/**
 * Everything the signed-in user owns that is still outstanding, across every
 * body they sit on, grouped by body with the overdue first, with the status
 * changes and progress updates they may make before the next meeting; and,
 * for chairs, vice-chairs and secretariat, the rest of their bodies' actions.
 */
@customElement('my-actions-page')
export class MyActionsPage extends LitElement {
  static override styles = [
    baseStyles,
    actionStyles,
    css`
      :host {
        display: block;
        max-width: 60rem;
      }
      ol.actions {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li.action {
        border-top: 1px solid var(--q-border);
        padding: 1rem 0;
      }
      li.action.overdue-action {
        border-left: 6px solid var(--q-error);
        padding-left: 1rem;
      }
    `,
  ];

  /** Changes made on this page since it loaded, by action id. */
  @state() private _changed = new Map<string, ActionSummary>();

  private readonly _actions = new Task(this, {
    task: async (): Promise<MyActions> => {
      try {
        const [me, mine, theirs] = await Promise.all([getMe(), getMyActions(), getBodiesActions()]);
        this._changed = new Map();
        return {
          userId: me.user.id,
          roles: new Map(me.memberships.map((membership) => [membership.bodyId, membership.role])),
          mine: mine.actions,
          theirs: theirs.actions.filter((action) => action.owner?.id !== me.user.id),
        };
      } catch (error) {
        throw new Error(explainApiError(this, error));
      }
    },
    args: () => [],
  });

  override render() {
    const busy = isLoading(this._actions);
    return html`<h1 tabindex="-1">My actions</h1>
      <div aria-busy=${busy ? 'true' : 'false'} @action-updated=${this._onActionUpdated}>
        ${this._actions.render({
          initial: () => loadingStatus,
          pending: () => loadingStatus,
          error: (error) => loadFailedPanel(error, () => this._actions.run()),
          complete: (loaded) => this._renderLoaded(loaded),
        })}
      </div>`;
  }

  private _renderLoaded(loaded: MyActions) {
    const current = (action: ActionSummary) => this._changed.get(action.id) ?? action;
    const mine = loaded.mine.map(current);
    const outstanding = mine.filter((action) => !isClosedStatus(action.status));
    const overdue = outstanding.filter((action) => action.overdue).length;
    return html`${mine.length === 0
        ? html`<p>You have no outstanding actions.</p>`
        : html`<p>
              You own ${outstanding.length} outstanding ${outstanding.length === 1 ? 'action' : 'actions'}${overdue > 0
                ? html`, <strong class="overdue">${overdue} overdue</strong>`
                : nothing}.
            </p>
            ${groupByBody(mine).map((group) => this._renderGroup(group, loaded, 'h2'))}`}
      ${loaded.theirs.length > 0
        ? html`<section aria-labelledby="run-bodies-heading">
            <h2 id="run-bodies-heading">Outstanding actions of the bodies you run</h2>
            ${groupByBody(loaded.theirs.map(current)).map((group) => this._renderGroup(group, loaded, 'h3'))}
          </section>`
        : nothing}`;
  }

  private _renderGroup(group: BodyGroup, loaded: MyActions, level: 'h2' | 'h3') {
    const headingId = `${level}-body-${group.bodyId}-heading`;
    const heading = level === 'h2' ? html`<h2 id=${headingId}>${group.bodyName}</h2>` : html`<h3 id=${headingId}>${group.bodyName}</h3>`;
    return html`<section aria-labelledby=${headingId}>
      ${heading}
      <p><a href=${actionLogPath(group.bodyId)}>Open the ${group.bodyName} action log</a></p>
      <ol class="actions">
        ${group.actions.map(
          (action) => html`<li class="action ${action.overdue ? 'overdue-action' : ''}" data-action-id=${action.id}>
            <owned-action
              .action=${action}
              .myRole=${loaded.roles.get(action.bodyId) ?? null}
              user-id=${loaded.userId}
              heading-level=${level === 'h2' ? 3 : 4}
            ></owned-action>
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private _onActionUpdated(event: CustomEvent<ActionSummary>) {
    this._changed = new Map(this._changed).set(event.detail.id, event.detail);
    this.dispatchEvent(new CustomEvent(ACTION_PROGRESS_ADDED, { detail: event.detail.id, bubbles: true, composed: true }));
  }

  /** Moves focus to the page heading, for after a route change. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'my-actions-page': MyActionsPage;
  }
  interface HTMLElementEventMap {
    [ACTION_PROGRESS_ADDED]: CustomEvent<string>;
  }
}
