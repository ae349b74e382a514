import { expect, waitUntil } from '@open-wc/testing';
import { liveEvents } from '../../../client/live/index.js';
import '../../../client/shell/quorum-app.js';
import type { QuorumApp } from '../../../client/shell/quorum-app.js';
import type { NotificationsResponse } from '../../../shared/api.js';
import { errorResponse, fakeApi, jsonResponse, me, session, type FakeApi } from '../fake-api.js';
import { afterEach, beforeEach, describe, it } from '../mocha.js';
import { signedInRoutes, startedApp } from './app-fixtures.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const notifications: NotificationsResponse = {
  notifications: [
    {
      id: 7,
      kind: 'escalation-received',
      bodyId: 3,
      title: 'Street drinking at Granby Street',
      detail: 'From Charnwood JAG',
      link: '/bodies/5',
      createdAt: '2026-11-30T14:05:00.000Z',
      readAt: null,
    },
  ],
  unread: 1,
};

/** The app's live connection, as the app opens and closes it. */
function connectionLog() {
  const log: string[] = [];
  liveEvents.connect = () => void log.push('connect');
  liveEvents.disconnect = () => void log.push('disconnect');
  return log;
}

describe('<quorum-app> live connection and notifications', () => {
  const testPageUrl = location.href;
  let api: FakeApi | undefined;
  let log: string[] = [];

  beforeEach(() => {
    history.replaceState(null, '', '/');
    log = connectionLog();
  });
  afterEach(() => {
    api?.restore();
    history.replaceState(null, '', testPageUrl);
    // Back to the real methods on the prototype.
    delete (liveEvents as Partial<typeof liveEvents>).connect;
    delete (liveEvents as Partial<typeof liveEvents>).disconnect;
  });

  function signedInApi(signedIn = true) {
    let signedInNow = signedIn;
    api = fakeApi({
      ...signedInRoutes,
      'GET /api/me': () => (signedInNow ? jsonResponse(me) : errorResponse(401, 'unauthenticated', 'Sign in to continue.')),
      'POST /api/session': () => {
        signedInNow = true;
        return jsonResponse(session);
      },
      'GET /api/me/notifications': () => jsonResponse(notifications),
      'POST /api/me/notifications/read': () => new Response(null, { status: 204 }),
    });
  }

  const shellOf = (app: QuorumApp) => app.shadowRoot!.querySelector('app-shell')!.shadowRoot!;
  const centreOf = (app: QuorumApp) => shellOf(app).querySelector('notification-centre');

  it('connects on finding a live session, shows the unread count in the header, and disconnects on signing out', async () => {
    signedInApi();
    const app = await startedApp();
    await waitUntil(() => text(centreOf(app)?.shadowRoot?.querySelector('button.toggle')) === 'Notifications, 1 unread');
    expect(log).to.deep.equal(['connect']);
    expect(centreOf(app)!.closest('header')).to.exist;

    shellOf(app).querySelector<HTMLButtonElement>('.account > button')!.click();
    await waitUntil(() => log.includes('disconnect'), 'never disconnected');
    expect(centreOf(app)).to.equal(null);
  });

  it('connects after signing in, not before', async () => {
    signedInApi(false);
    const app = await startedApp();
    await waitUntil(() => shellOf(app).host.lastElementChild?.localName === 'sign-in-page');
    expect(log).to.not.include('connect');
    expect(centreOf(app)).to.equal(null);
    expect(api!.requests.some((request) => request.path === '/api/me/notifications')).to.equal(false);

    const form = shellOf(app).host.lastElementChild!.shadowRoot!;
    form.querySelector<HTMLInputElement>('#email')!.value = 'chair.jag@demo.quorum.test';
    form.querySelector<HTMLInputElement>('#password')!.value = 'demo-quorum-2026';
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => log.includes('connect'), 'never connected');
    await waitUntil(() => api!.requests.some((request) => request.path === '/api/me/notifications'), 'notifications never fetched');
  });

  it('disconnects when the session expires', async () => {
    signedInApi();
    const app = await startedApp();
    await waitUntil(() => log.includes('connect'));
    app.shadowRoot!.querySelector('app-shell')!.dispatchEvent(new CustomEvent('session-expired', { bubbles: true, composed: true }));
    await waitUntil(() => log.includes('disconnect'), 'never disconnected');
  });

  it('follows a notification’s link inside the app and marks it read', async () => {
    signedInApi();
    const app = await startedApp();
    const centre = await waitUntil(() => centreOf(app)).then(() => centreOf(app)!);
    centre.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click();
    await waitUntil(() => centre.shadowRoot!.querySelector('.panel li a'), 'the list never appeared');
    centre.shadowRoot!.querySelector<HTMLAnchorElement>('.panel li a')!.click();
    await waitUntil(() => location.pathname === '/bodies/5', 'the link was not followed');
    await waitUntil(() => api!.requests.some((request) => request.method === 'POST' && request.path === '/api/me/notifications/read'));
    expect(api!.requests.find((request) => request.path === '/api/me/notifications/read')!.body).to.deep.equal({ ids: [7] });
    await waitUntil(() => text(centre.shadowRoot!.querySelector('button.toggle')) === 'Notifications');
  });
});
