import { html } from 'lit';
import type { ActionLogResponse } from '../../shared/api.js';
import type { Role } from '../../shared/roles.js';
import { ActionLogStore, type ActionAdded } from '../actions/index.js';
import type { LiveConnection } from '../live/index.js';
import type { RaiseActionRequest } from './minutes-editor.js';

/** The body's action log and the live connection to it. */
export interface OpenActionLog {
  log: ActionLogResponse;
  session: LiveConnection;
}

/** The standing item under which the body reviews its outstanding actions. */
export const ACTION_REVIEW_ITEM = /matters arising|action review/i;

export interface RaiseFormOptions {
  actionLog: OpenActionLog;
  raising: RaiseActionRequest;
  itemTitle: string;
  meetingId: number;
  onActionRaised: (event: CustomEvent<ActionAdded>) => void;
  onCancelled: () => void;
}

/** The form for raising an action under the shown item, for the workspace's raise-action slot. */
export function renderRaiseActionForm({ actionLog, raising, itemTitle, meetingId, onActionRaised, onCancelled }: RaiseFormOptions) {
  const { log, session } = actionLog;
  return html`<raise-action-panel slot="raise-action" .selectedText=${raising.selectedText}>
    <new-action-form
      heading="Raise an action under ${itemTitle}"
      cancellable
      .store=${ActionLogStore.of(session.doc)}
      .members=${log.members}
      .agencies=${log.agencies}
      .initialTitle=${raising.selectedText ?? ''}
      source-meeting-id=${meetingId}
      source-item-id=${raising.itemId}
      @action-added=${onActionRaised}
      @action-form-cancelled=${onCancelled}
    ></new-action-form>
  </raise-action-panel>`;
}

export interface ActionReviewOptions {
  actionLog: OpenActionLog;
  bodyId: number;
  role: Role | null;
  userId: number;
  readonly: boolean;
}

/** The body's outstanding actions, for the workspace's action-review slot. */
export function renderActionReview({ actionLog, bodyId, role, userId, readonly }: ActionReviewOptions) {
  return html`<section slot="action-review" class="action-review" aria-labelledby="action-review-heading">
    <h3 id="action-review-heading">Outstanding actions</h3>
    <outstanding-actions
      .store=${ActionLogStore.of(actionLog.session.doc, { role, userId })}
      .members=${actionLog.log.members}
      .agencies=${actionLog.log.agencies}
      body-id=${bodyId}
      ?readonly=${readonly}
    ></outstanding-actions>
  </section>`;
}
