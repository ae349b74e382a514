/** The escalation endpoints, as the escalation pages and the action's panel call them. */
import type {
  ActionEscalationsResponse,
  BodyEscalationsResponse,
  EscalationAcceptedResponse,
  EscalationCreatedResponse,
  EscalationResponse,
} from '../../shared/api.js';
import type { EscalationAnswer } from '../../shared/escalation.js';
import type { EscalateRequest } from '../../shared/schemas.js';
import { request } from '../shell/api.js';

const id = (value: number | string) => encodeURIComponent(value);

export function getActionEscalations(bodyId: number, actionId: string): Promise<ActionEscalationsResponse> {
  return request('GET', `/api/bodies/${id(bodyId)}/actions/${id(actionId)}/escalations`);
}

export function escalateAction(actionId: string, escalation: EscalateRequest): Promise<EscalationCreatedResponse> {
  return request('POST', `/api/actions/${id(actionId)}/escalations`, escalation);
}

export function getBodyEscalations(bodyId: number): Promise<BodyEscalationsResponse> {
  return request('GET', `/api/bodies/${id(bodyId)}/escalations`);
}

export function getEscalation(escalationId: number): Promise<EscalationResponse> {
  return request('GET', `/api/escalations/${id(escalationId)}`);
}

/** What each answer sends: accept a note, return guidance, resolve an outcome, escalate a new summary and reason. */
export interface AnswerRequests {
  accept: { note: string };
  return: { guidance: string };
  resolve: { outcome: string };
  escalate: { summary: string; reason: string };
}

export interface AnswerResponses {
  accept: EscalationAcceptedResponse;
  return: EscalationCreatedResponse;
  resolve: EscalationCreatedResponse;
  escalate: EscalationCreatedResponse;
}

export function answerEscalation<A extends EscalationAnswer>(
  escalationId: number,
  answer: A,
  fields: AnswerRequests[A],
): Promise<AnswerResponses[A]> {
  return request('POST', `/api/escalations/${id(escalationId)}/${answer}`, fields);
}
