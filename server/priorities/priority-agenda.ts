import type { AppDeps } from '../app-deps.js';

/** TODO(helper B): writes the priorities routed to the body and still waiting for a meeting onto a newly scheduled one. */
export async function placeWaitingPriorities(_deps: AppDeps, _bodyId: number, _meetingId: number): Promise<void> {}
