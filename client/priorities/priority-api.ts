/** The priorities feature's API calls: a body's priorities, one priority's golden thread, publishing and acknowledging. */
import type { BodyPrioritiesResponse, PriorityCreatedResponse, PriorityResponse } from '../../shared/api.js';
import type { CreatePriorityRequest } from '../../shared/schemas.js';
import { request } from '../shell/api.js';

export function getBodyPriorities(bodyId: number): Promise<BodyPrioritiesResponse> {
  return request('GET', `/api/bodies/${encodeURIComponent(bodyId)}/priorities`);
}

export function getPriority(priorityId: number): Promise<PriorityResponse> {
  return request('GET', `/api/priorities/${encodeURIComponent(priorityId)}`);
}

export function publishPriority(bodyId: number, priority: CreatePriorityRequest): Promise<PriorityCreatedResponse> {
  return request('POST', `/api/bodies/${encodeURIComponent(bodyId)}/priorities`, priority);
}

/** Says the receiving body has taken the priority on; the answer is not used, as the page fetches again. */
export function acknowledgePriority(priorityId: number, bodyId: number): Promise<unknown> {
  return request('POST', `/api/priorities/${encodeURIComponent(priorityId)}/acknowledge`, { bodyId });
}
