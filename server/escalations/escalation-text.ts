import type { Db } from '../db/database.js';
import { findBodyNames, type HopRow } from './escalation-repository.js';

/** Text cut to fit a limit, with an ellipsis saying it was cut. */
export function cutTo(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/**
 * Who sent a hop, as the receiving tier is told it: the sending body, and the
 * origin body's name when the chain started lower down. Names of bodies are
 * not confidential; nothing of the origin action is said.
 */
export async function senderOf(db: Db, hop: HopRow): Promise<{ from: string; raisedIn: string }> {
  const names = await findBodyNames(db, [hop.from_body_id, hop.origin_body_id]);
  const from = names.get(hop.from_body_id) ?? 'another body';
  const raisedIn = hop.origin_body_id === hop.from_body_id ? '' : ` (raised in ${names.get(hop.origin_body_id) ?? 'another body'})`;
  return { from, raisedIn };
}
