import type { ActionCreatedResponse, PriorityCreatedResponse, PriorityResponse } from '../../../shared/api.js';
import type { CreateActionRequest, CreatePriorityRequest } from '../../../shared/schemas.js';
import { bodyId } from '../../support/meetings.js';
import { bearer, type TestServer } from '../../support/test-server.js';

/** Signed-in demo users and body ids by short name, for the priority tests. */
export async function signInAll(server: TestServer, locals: readonly string[], bodies: readonly string[]) {
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const userIds: Record<string, number> = {};
  for (const local of locals) {
    tokens[local] = await server.signIn(local);
    userIds[local] = (await (await server.request('/api/me', { headers: bearer(tokens[local]) })).json()).user.id as number;
  }
  for (const name of bodies) ids[name] = await bodyId(server, tokens[locals[0]!]!, name);
  return { tokens, ids, userIds };
}

export const postJson = (server: TestServer, token: string, path: string, body: unknown) =>
  server.request(path, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify(body) });

export async function publish(server: TestServer, token: string, fromBodyId: number, request: Partial<CreatePriorityRequest> & Pick<CreatePriorityRequest, 'targetBodyIds'>) {
  const response = await postJson(server, token, `/api/bodies/${fromBodyId}/priorities`, {
    title: 'Reduce repeat ASB victimisation',
    description: 'Every partner identifies repeat victims and acts within a week.',
    theme: 'Anti-social behaviour',
    period: '2027/28',
    ...request,
  });
  if (response.status !== 201) throw new Error(`publishing failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as PriorityCreatedResponse).priority;
}

export async function raise(server: TestServer, token: string, inBodyId: number, request: CreateActionRequest) {
  const response = await postJson(server, token, `/api/bodies/${inBodyId}/actions`, request);
  if (response.status !== 201) throw new Error(`raising failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as ActionCreatedResponse).action;
}

export async function goldenThread(server: TestServer, token: string, priorityId: number): Promise<PriorityResponse> {
  const response = await server.request(`/api/priorities/${priorityId}`, { headers: bearer(token) });
  if (response.status !== 200) throw new Error(`golden thread: ${response.status} ${await response.text()}`);
  return (await response.json()) as PriorityResponse;
}
