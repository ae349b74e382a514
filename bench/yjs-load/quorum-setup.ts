// Quorum through its API: signing in, creating and starting the live meetings, seating the editors.
import { DEMO_PASSWORD } from '../../server/seed/demo-partnership.js';
import type { BodiesResponse, BodyDetailResponse, MeetingResponse, SessionResponse } from '../../shared/api.js';
import { REALTIME_LIMITS } from '../../shared/limits.js';
import { ADMIN_EMAIL, type Scale } from './config.js';
import { editorsPerMeeting, type Seat } from './load.js';

async function request<T>(base: string, path: string, { token, body }: { token?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined && !path.endsWith('/start') ? 'GET' : 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A demo user's session token. */
export async function signInAs(base: string, email: string): Promise<string> {
  return (await request<SessionResponse>(base, '/api/session', { body: { email, password: DEMO_PASSWORD } })).token;
}

/** Tomorrow at 10:00 UTC: the server refuses to schedule a meeting in the past. */
function tomorrowMorning(): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 1);
  day.setUTCHours(10, 0, 0, 0);
  return day.toISOString();
}

/**
 * Creates and starts the scale's meetings on the bodies with the most editors
 * (non-observer members with a chair or vice-chair to start them) and seats
 * the editors in them. Where a body has fewer members than seats a user holds
 * several connections, but each seat goes to the body's least-seated editor,
 * so no user holds more live sockets than the server allows one user.
 */
export async function prepareQuorumMeetings(base: string, scale: Scale): Promise<{ seats: Seat[]; summary: string }> {
  const tokens = new Map<string, string>();
  const signIn = async (email: string) => {
    let token = tokens.get(email);
    if (!token) {
      token = await signInAs(base, email);
      tokens.set(email, token);
    }
    return token;
  };
  const adminToken = await signIn(ADMIN_EMAIL);
  const { bodies } = await request<BodiesResponse>(base, '/api/bodies', { token: adminToken });
  const details = await Promise.all(bodies.map((body) => request<BodyDetailResponse>(base, `/api/bodies/${body.id}`, { token: adminToken })));
  const counts = editorsPerMeeting(scale);
  const wanted = Math.max(...counts);
  const candidates = details
    .flatMap((detail) => (detail.access === 'full' ? [detail] : []))
    .map((detail) => ({
      body: detail.body,
      editors: detail.members.filter((member) => member.role !== 'observer').map((member) => member.email),
      runner: detail.members.find((member) => member.role === 'chair' || member.role === 'vice-chair')?.email,
    }))
    .filter((candidate) => candidate.runner !== undefined && candidate.editors.length >= 2)
    .sort((a, b) => b.editors.length - a.editors.length || a.body.id - b.body.id);
  if (candidates.length === 0) throw new Error('no body has a chair and two editors');
  const roomy = candidates.filter((candidate) => candidate.editors.length >= wanted);
  const chosen = roomy.length > 0 ? roomy : candidates;

  const limit = REALTIME_LIMITS.socketsPerUser;
  const seats: Seat[] = [];
  const socketsOf = new Map<string, number>();
  const seatsPerBody = new Map<string, number>();
  const startsAt = tomorrowMorning();
  for (let meeting = 0; meeting < scale.meetings; meeting++) {
    const { body, editors, runner } = chosen[meeting % chosen.length]!;
    const runnerToken = await signIn(runner!);
    const created = await request<MeetingResponse>(base, `/api/bodies/${body.id}/meetings`, {
      token: runnerToken,
      body: { startsAt, location: 'Loughborough Police Station' },
    });
    const started = await request<MeetingResponse>(base, `/api/meetings/${created.meeting.id}/start`, { token: runnerToken });
    for (let seat = 0; seat < counts[meeting]!; seat++) {
      // The first of the least-seated: editors in list order while everyone has as many seats.
      const email = editors.reduce((best, candidate) => ((socketsOf.get(candidate) ?? 0) < (socketsOf.get(best) ?? 0) ? candidate : best));
      const held = socketsOf.get(email) ?? 0;
      if (held >= limit) {
        throw new Error(`${body.shortName}: every editor already holds ${limit} live sockets (REALTIME_LIMITS.socketsPerUser); fewer editors per meeting or fewer meetings`);
      }
      socketsOf.set(email, held + 1);
      seats.push({ meeting, room: started.docName, token: await signIn(email) });
      seatsPerBody.set(body.shortName, (seatsPerBody.get(body.shortName) ?? 0) + 1);
    }
  }
  const most = Math.max(...socketsOf.values());
  const summary =
    `${tokens.size} users signed in, ${socketsOf.size} of them editing, at most ${most} sockets each (limit ${limit}); ` +
    `seats per body: ${[...seatsPerBody].map(([body, n]) => `${body} ${n}`).join(', ')}`;
  return { seats, summary };
}
