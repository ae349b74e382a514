/** The actions feature's own API calls, beyond those the shell's api module shares with other pages. */
import type { ActionStatus } from '../../shared/actions.js';
import type { ActionStatusRequest, ActionsResponse } from '../../shared/api.js';
import { request } from '../shell/api.js';

/** For chair, vice-chair and secretariat: the outstanding actions of the bodies they run; empty for everyone else. */
export function getBodiesActions(): Promise<ActionsResponse> {
  return request('GET', '/api/me/bodies-actions');
}

/** The server writes it into the live action log, so anyone watching sees it at once. */
export function changeActionStatus(bodyId: number, actionId: string, status: ActionStatus): Promise<void> {
  const body: ActionStatusRequest = { status };
  return request('POST', `/api/bodies/${bodyId}/actions/${encodeURIComponent(actionId)}/status`, body);
}
