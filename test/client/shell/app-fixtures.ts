/** The whole app, started as the chair of Charnwood JAG (Priya Shah) would find it. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../../client/shell/quorum-app.js';
import type { QuorumApp } from '../../../client/shell/quorum-app.js';
import { bodiesResponse, homeResponse, jagDetail, jsonResponse, me } from '../fake-api.js';

/** What the app asks for on the way to the home page and the JAG, and signing out. */
export const signedInRoutes = {
  'GET /api/me': () => jsonResponse(me),
  'GET /api/bodies': () => jsonResponse(bodiesResponse),
  'GET /api/bodies/5': () => jsonResponse(jagDetail),
  'GET /api/me/home': () => jsonResponse(homeResponse),
  'GET /api/me/action-counts': () => jsonResponse({ outstanding: 7, overdue: 2 }),
  'DELETE /api/session': () => new Response(null, { status: 204 }),
};

export async function startedApp(): Promise<QuorumApp> {
  const app = await fixture<QuorumApp>(html`<quorum-app></quorum-app>`);
  await waitUntil(() => app.shadowRoot!.querySelector('app-shell'), 'the app never started');
  return app;
}
