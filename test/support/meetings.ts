import type { BodiesResponse, MeetingResponse } from '../../shared/api.js';
import { bearer, type TestServer } from './test-server.js';

export async function bodyId(server: TestServer, token: string, shortName: string): Promise<number> {
  const { bodies } = (await (await server.request('/api/bodies', { headers: bearer(token) })).json()) as BodiesResponse;
  const body = bodies.find((each) => each.shortName === shortName);
  if (!body) throw new Error(`no body ${shortName}`);
  return body.id;
}

/** Schedules a meeting of the body through the API as `chairToken`'s user and, unless told not to, starts it. */
export async function createMeeting(
  server: TestServer,
  chairToken: string,
  shortName: string,
  { start = true }: { start?: boolean } = {},
): Promise<MeetingResponse> {
  const id = await bodyId(server, chairToken, shortName);
  const created = await server.request(`/api/bodies/${id}/meetings`, {
    method: 'POST',
    headers: { ...bearer(chairToken), 'content-type': 'application/json' },
    body: JSON.stringify({ startsAt: '2026-12-01T10:00:00Z', location: 'Loughborough Police Station' }),
  });
  if (created.status !== 201) throw new Error(`creating a meeting failed: ${created.status} ${await created.text()}`);
  const meeting = (await created.json()) as MeetingResponse;
  if (!start) return meeting;
  const started = await server.request(`/api/meetings/${meeting.meeting.id}/start`, { method: 'POST', headers: bearer(chairToken) });
  if (started.status !== 200) throw new Error(`starting the meeting failed: ${started.status} ${await started.text()}`);
  return (await started.json()) as MeetingResponse;
}

/** The agenda a new Charnwood JAG meeting starts with: the standard items around the JAG's standing items. */
export const JAG_TEMPLATE_AGENDA = [
  'Apologies',
  'Declarations of interest',
  'Minutes of the previous meeting',
  'Matters arising and action review',
  'Police performance and crime trends',
  'High-risk ASB victims (Sentinel)',
  'Hate crime review',
  'Sub-group reports (Youth JAG, Adults at Risk)',
  'People Zone update',
  'Any other business',
  'Date of next meeting',
];
