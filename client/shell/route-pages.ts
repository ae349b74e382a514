import { html } from 'lit';
import type { CurrentUser } from '../../shared/api.js';
import type { Route } from './routes.js';

/** What the pages need from the app around them. */
export interface RoutePageContext {
  /** The signed-in user, or null. */
  user: CurrentUser | null;
  /** Called when the user records progress on one of their actions. */
  onActionProgressAdded: () => void;
}

/** The page element for `route`. */
export function renderRoutePage(route: Route, { user, onActionProgressAdded }: RoutePageContext) {
  switch (route.page) {
    case 'home':
    case 'sign-in':
      return html`<home-page></home-page>`;
    case 'map':
      return html`<map-page></map-page>`;
    case 'body':
      return html`<body-page body-id=${route.bodyId}></body-page>`;
    case 'action-log':
      return html`<action-log-page body-id=${route.bodyId} .user=${user}></action-log-page>`;
    case 'my-actions':
      return html`<my-actions-page @action-progress-added=${onActionProgressAdded}></my-actions-page>`;
    case 'escalations':
      return html`<body-escalations-page body-id=${route.bodyId}></body-escalations-page>`;
    case 'escalation':
      return html`<escalation-page escalation-id=${route.escalationId}></escalation-page>`;
    case 'priorities':
      return html`<body-priorities-page body-id=${route.bodyId}></body-priorities-page>`;
    case 'priority':
      return html`<priority-page priority-id=${route.priorityId}></priority-page>`;
    case 'meeting':
      return html`<meeting-page meeting-id=${route.meetingId} .user=${user}></meeting-page>`;
    case 'minutes':
      return html`<minutes-page meeting-id=${route.meetingId} query=${location.search} .user=${user}></minutes-page>`;
    case 'minutes-archive':
      return html`<minutes-archive-page body-id=${route.bodyId}></minutes-archive-page>`;
    case 'search':
      return html`<search-page query=${location.search}></search-page>`;
    case 'not-found':
      return html`<div>
        <h1 tabindex="-1">Page not found</h1>
        <p>If you typed the web address, check it is correct.</p>
        <p><a href="/">Go to your home page</a></p>
      </div>`;
  }
}
