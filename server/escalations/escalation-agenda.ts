import type { AppDeps } from '../app-deps.js';

/** TODO(helper A): writes the body's escalations still waiting for a meeting onto a newly scheduled one. */
export async function placeWaitingEscalations(_deps: AppDeps, _bodyId: number, _meetingId: number): Promise<void> {}
