import type { BodySummary } from './api.js';

/**
 * Who may see a body's members, meetings and documents. Confidential bodies
 * discuss named individuals, so only their members may; every other body's
 * business is open to everyone signed in to the partnership.
 */
export function canSeeBodyDetails(body: Pick<BodySummary, 'confidential' | 'myRole'>): boolean {
  return !body.confidential || body.myRole !== null;
}
