/**
 * The machinery of the REST access matrices: each table row is a route, each
 * cell a part on the open Charnwood JAG or the confidential Youth JAG (and
 * signed out); a probe sets the request up and checks what it did. Every
 * cell also checks that a Youth JAG non-member's 404 is exactly a missing
 * id's, and that no Youth JAG title reaches a non-member.
 */
import { describe, expect, it } from 'vitest';
import { BODIES, CAST, MISSING_ID, PARTS, PART_ROLES, type BodyKey, type Cast, type Part } from './access-cast.js';

export type Status = number;
/** Per part, in the order of PARTS: chair, vice-chair, secretariat, member, observer, other body, former, outsider. */
export type PerPart<T> = readonly [T, T, T, T, T, T, T, T];
export interface Expected {
  jag: PerPart<Status>;
  youthJag: PerPart<Status>;
  signedOut: Status;
  /** The `access` field of a successful answer, where the route gives one. */
  access?: Record<BodyKey, PerPart<string | null>>;
}

export interface Cell {
  body: BodyKey;
  bodyId: number;
  /** null when signed out. */
  part: Part | null;
  local: string;
  token: string | null;
}
export interface Answer {
  status: number;
  text: string;
  json<T>(): T;
}
export interface Probe {
  /** Values for the route's `:id` (a body, meeting, escalation or priority id, or an action id where the route names an action) and `:actionId`. */
  params?: { id?: number | string; actionId?: string };
  /** A query string, without the `?`. */
  query?: string;
  init?: RequestInit;
  /** Sends with this token instead of the cell's. */
  token?: string | null;
  /** Checks what the request did, once it and its missing-id twin have been sent. */
  after?(answer: Answer): Promise<void> | void;
}

export const jsonPost = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
export const isYouthMember = (local: string) => PARTS.some((part) => PART_ROLES[part] !== null && CAST.youthJag[part] === local);

const pathOf = (route: string, { id, actionId }: NonNullable<Probe['params']>) =>
  route.replace(/^\S+ /, '').replace(':actionId', String(actionId)).replace(':id', String(id));

export async function send(cast: Cast, route: string, params: Probe['params'], init: RequestInit | undefined, token: string | null, query?: string): Promise<Answer> {
  const headers = new Headers(init?.headers);
  if (token !== null) headers.set('authorization', `Bearer ${token}`);
  const response = await cast.server.request(`${pathOf(route, params ?? {})}${query ? `?${query}` : ''}`, { ...init, headers });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

/** Every title of the Youth JAG's meetings and actions, as they stand now. */
async function youthTitles(cast: Cast): Promise<string[]> {
  const db = cast.server.database.db;
  return [
    ...(await db.selectFrom('meetings').select('title').where('body_id', '=', cast.bodyIds.youthJag).execute()),
    ...(await db.selectFrom('actions').select('title').where('body_id', '=', cast.bodyIds.youthJag).execute()),
  ].map((row) => row.title);
}

async function check(cast: Cast, route: string, probeFor: (cell: Cell) => Promise<Probe> | Probe, cell: Cell, expected: Status, access: string | null | undefined) {
  const probe = await probeFor(cell);
  const token = probe.token === undefined ? cell.token : probe.token;
  const answer = await send(cast, route, probe.params, probe.init, token, probe.query);
  // Soft, so that what the request did is still checked: a refused write must have changed nothing.
  expect.soft(answer.status, answer.text.slice(0, 300)).toBe(expected);
  if (access !== undefined && answer.status === 200) expect.soft(answer.json<{ access: string }>().access).toBe(access);
  if (cell.body === 'youthJag' && expected === 404 && token !== null) {
    // Exactly what a body, meeting or escalation that does not exist gets.
    const missing = await send(cast, route, { ...probe.params, id: MISSING_ID }, probe.init, token, probe.query);
    expect.soft({ status: answer.status, body: answer.text }).toEqual({ status: missing.status, body: missing.text });
  }
  if (!isYouthMember(cell.local) || cell.token === null) {
    for (const title of await youthTitles(cast)) expect.soft(answer.text, 'a Youth JAG title leaked').not.toContain(title);
  }
  await probe.after?.(answer);
}

/** One describe per route, one test per cell. */
export function matrixTests<Route extends string>(
  table: Record<Route, Expected>,
  probes: Record<Route, (cell: Cell) => Promise<Probe> | Probe>,
  cast: () => Cast,
): void {
  for (const [route, expected] of Object.entries(table) as [Route, Expected][]) {
    describe(route, () => {
      for (const body of BODIES) {
        PARTS.forEach((part, index) => {
          it(`${body} ${part} → ${expected[body][index]}`, () =>
            check(cast(), route, probes[route], { body, bodyId: cast().bodyIds[body], part, local: CAST[body][part], token: cast().token(body, part) }, expected[body][index]!, expected.access?.[body][index]));
        });
        it(`${body} signed out → ${expected.signedOut}`, () =>
          check(cast(), route, probes[route], { body, bodyId: cast().bodyIds[body], part: null, local: CAST[body].outsider, token: null }, expected.signedOut, undefined));
      }
    });
  }
}
