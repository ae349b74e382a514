import type { BodySummary } from '../../shared/api.js';
import { firstVisibleHop } from '../../shared/escalation.js';
import { mayReadBody } from '../../shared/permissions.js';
import type { Db } from '../db/database.js';
import { listBodies } from '../partnership/body-repository.js';
import { findHop, listOriginHops, type HopRow } from './escalation-repository.js';

/** Every body as one person stands on it; the structure is small, so it is read whole once per request. */
export type Standings = Map<number, BodySummary>;

export async function standingsOf(db: Db, userId: number): Promise<Standings> {
  return new Map((await listBodies(db, userId)).map((body) => [body.id, body]));
}

export function mayReadBodyId(standings: Standings, bodyId: number): boolean {
  const body = standings.get(bodyId);
  return body !== undefined && mayReadBody(body);
}

/** The hops from the chain's first up to this one, walking back through `previous_id`. */
export function chainTo(hop: HopRow, hopsById: ReadonlyMap<number, HopRow>): HopRow[] {
  const chain = [hop];
  const seen = new Set([hop.id]);
  let current = hop;
  while (current.previous_id !== null) {
    const previous = hopsById.get(current.previous_id);
    if (!previous || seen.has(previous.id)) break;
    chain.unshift(previous);
    seen.add(previous.id);
    current = previous;
  }
  return chain;
}

/**
 * Whether someone may see a hop: its chain passed through bodies b0 (the
 * origin) … b(k+1), and the rulebook's `firstVisibleHop` over those says from
 * which hop on they see it.
 */
export function maySeeHop(hop: HopRow, hopsById: ReadonlyMap<number, HopRow>, standings: Standings): boolean {
  const chain = chainTo(hop, hopsById);
  const path = [chain[0]!.from_body_id, ...chain.map((each) => each.to_body_id)];
  const first = firstVisibleHop(path.map((bodyId) => mayReadBodyId(standings, bodyId)));
  return first !== null && first <= chain.length - 1;
}

/** Every hop sharing the origin action of the given ones, by id, so chains can be walked. */
export async function hopsOfOrigins(db: Db, hops: readonly HopRow[]): Promise<Map<number, HopRow>> {
  const origins = new Map(hops.map((hop) => [`${hop.origin_body_id}/${hop.origin_action_id}`, hop]));
  const byId = new Map<number, HopRow>();
  for (const hop of origins.values()) {
    for (const each of await listOriginHops(db, hop.origin_body_id, hop.origin_action_id)) byId.set(each.id, each);
  }
  return byId;
}

/** The root hop's id of a chain: trails are grouped by it. */
export const rootOf = (hop: HopRow, hopsById: ReadonlyMap<number, HopRow>) => chainTo(hop, hopsById)[0]!.id;

/** A hop the person may see, with every hop of its origin; one they may not is missing to them. */
export async function visibleHop(db: Db, id: number, standings: Standings): Promise<{ hop: HopRow; hopsById: Map<number, HopRow> } | undefined> {
  const hop = await findHop(db, id);
  if (!hop) return undefined;
  const hopsById = await hopsOfOrigins(db, [hop]);
  return maySeeHop(hop, hopsById, standings) ? { hop, hopsById } : undefined;
}

/** The hops of the given hop's chain the person may see, oldest first. */
export function visibleTrail(hop: HopRow, hopsById: ReadonlyMap<number, HopRow>, standings: Standings): HopRow[] {
  const root = rootOf(hop, hopsById);
  return [...hopsById.values()]
    .filter((each) => rootOf(each, hopsById) === root && maySeeHop(each, hopsById, standings))
    .sort((a, b) => a.id - b.id);
}
