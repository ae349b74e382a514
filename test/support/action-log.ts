import type { ActionLogResponse, ActionsResponse } from '../../shared/api.js';
import { bearer, type TestServer } from './test-server.js';

export async function getActionLog(server: TestServer, token: string, bodyId: number): Promise<ActionLogResponse> {
  const response = await server.request(`/api/bodies/${bodyId}/action-log`, { headers: bearer(token) });
  if (response.status !== 200) throw new Error(`action log: ${response.status}`);
  return (await response.json()) as ActionLogResponse;
}

export async function listActions(server: TestServer, token: string, path: string): Promise<ActionsResponse['actions']> {
  const response = await server.request(path, { headers: bearer(token) });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as ActionsResponse).actions;
}
