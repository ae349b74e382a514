/**
 * The browser's typed view of the Quorum HTTP API. It knows about URLs, JSON
 * and status codes so that components only ever see domain objects or an
 * `ApiError` carrying a message fit to show the user.
 */
import type {
  ActionCountsResponse,
  ActionHistoryResponse,
  ActionLogResponse,
  ActionsResponse,
  BodiesResponse,
  BodyDetailResponse,
  HomeResponse,
  MeResponse,
  MeetingResponse,
  SessionResponse,
} from '../../shared/api.js';
import type { ApiErrorBody, ErrorCode } from '../../shared/errors.js';
import type { CreateMeetingRequest, SignInRequest } from '../../shared/schemas.js';

/** `network_error` is the client's own: the request never got an answer. */
export type ApiErrorCode = ErrorCode | 'network_error';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** Seconds to wait before trying again, from a 429's Retry-After header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'DELETE';

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'network_error', 'Could not reach Quorum. Check your connection and try again.');
  }

  if (response.ok) {
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  throw await errorFrom(response);
}

async function errorFrom(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('Retry-After'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  try {
    const { error } = (await response.json()) as ApiErrorBody;
    if (typeof error?.code === 'string' && typeof error.message === 'string') {
      return new ApiError(response.status, error.code, error.message, retryAfterSeconds);
    }
  } catch {
    // Not our JSON error shape (a proxy's HTML page, say): fall through.
  }
  return new ApiError(
    response.status,
    response.status === 404 ? 'not_found' : 'internal',
    `Something went wrong (HTTP ${response.status}). Try again in a moment.`,
    retryAfterSeconds,
  );
}

export function signIn(credentials: SignInRequest): Promise<SessionResponse> {
  return request('POST', '/api/session', credentials);
}

export function signOut(): Promise<void> {
  return request('DELETE', '/api/session');
}

export function getMe(): Promise<MeResponse> {
  return request('GET', '/api/me');
}

export function getBodies(): Promise<BodiesResponse> {
  return request('GET', '/api/bodies');
}

export function getBody(id: number): Promise<BodyDetailResponse> {
  return request('GET', `/api/bodies/${encodeURIComponent(id)}`);
}

export function getMeeting(id: number): Promise<MeetingResponse> {
  return request('GET', `/api/meetings/${encodeURIComponent(id)}`);
}

export function startMeeting(id: number): Promise<MeetingResponse> {
  return request('POST', `/api/meetings/${encodeURIComponent(id)}/start`);
}

export function closeMeeting(id: number): Promise<MeetingResponse> {
  return request('POST', `/api/meetings/${encodeURIComponent(id)}/close`);
}

export function scheduleMeeting(bodyId: number, meeting: CreateMeetingRequest): Promise<MeetingResponse> {
  return request('POST', `/api/bodies/${encodeURIComponent(bodyId)}/meetings`, meeting);
}

export function getActionLog(bodyId: number): Promise<ActionLogResponse> {
  return request('GET', `/api/bodies/${encodeURIComponent(bodyId)}/action-log`);
}

/** `query` is the filters and sort, as `actionQuery` writes them. */
export function getBodyActions(bodyId: number, query: URLSearchParams = new URLSearchParams()): Promise<ActionsResponse> {
  const search = query.toString();
  return request('GET', `/api/bodies/${encodeURIComponent(bodyId)}/actions${search ? `?${search}` : ''}`);
}

/** Where to download the body's actions as CSV, with the same filters as the list. */
export function actionsCsvUrl(bodyId: number, query: URLSearchParams): string {
  const search = query.toString();
  return `/api/bodies/${encodeURIComponent(bodyId)}/actions.csv${search ? `?${search}` : ''}`;
}

export function getMyActions(): Promise<ActionsResponse> {
  return request('GET', '/api/me/actions');
}

export function getMyActionCounts(): Promise<ActionCountsResponse> {
  return request('GET', '/api/me/action-counts');
}

/** The server writes it into the live action log, so anyone watching sees it at once. */
const actionPath = (bodyId: number, actionId: string) => `/api/bodies/${bodyId}/actions/${encodeURIComponent(actionId)}`;

export function addProgressUpdate(bodyId: number, actionId: string, text: string): Promise<void> {
  return request('POST', `${actionPath(bodyId, actionId)}/progress`, { text });
}

export function getActionHistory(bodyId: number, actionId: string): Promise<ActionHistoryResponse> {
  return request('GET', `${actionPath(bodyId, actionId)}/history`);
}

export function getHome(): Promise<HomeResponse> {
  return request('GET', '/api/me/home');
}
