import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { liveEvents } from '../../../client/live/index.js';
import '../../../client/shell/notification-centre.js';
import type { NotificationCentre } from '../../../client/shell/notification-centre.js';
import type { NotificationsResponse } from '../../../shared/api.js';
import { formatDateTime } from '../../../shared/dates.js';
import type { NotificationView } from '../../../shared/notifications.js';
import { expectNoAxeViolations } from '../axe.js';
import { deferred, errorResponse, fakeApi, jsonResponse, type FakeApi } from '../fake-api.js';
import { afterEach, describe, it } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function notification(fields: Partial<NotificationView> & Pick<NotificationView, 'id' | 'kind' | 'title'>): NotificationView {
  return { bodyId: 3, detail: '', link: '/escalations/1', createdAt: '2026-11-30T14:05:00.000Z', readAt: null, ...fields };
}

const escalationReceived = notification({
  id: 3,
  kind: 'escalation-received',
  title: 'Street drinking at Granby Street',
  detail: 'From Charnwood JAG: patrols have not stopped it.',
  link: '/escalations/12',
});
const meetingStarted = notification({ id: 2, kind: 'meeting-live', title: 'Charnwood JAG — December 2026', link: '/meetings/105' });
const actionAssigned = notification({
  id: 1,
  kind: 'action-assigned',
  title: 'Report on hotspot patrols',
  link: '/bodies/5/actions',
  readAt: '2026-11-29T09:00:00.000Z',
});

const response: NotificationsResponse = { notifications: [escalationReceived, meetingStarted, actionAssigned], unread: 2 };

describe('<notification-centre>', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  function notificationsApi(answer: () => Response | Promise<Response> = () => jsonResponse(response)) {
    api = fakeApi({
      'GET /api/me/notifications': answer,
      'POST /api/me/notifications/read': () => new Response(null, { status: 204 }),
    });
    return api;
  }

  async function centre() {
    // Stands in for the app, which follows links itself.
    const wrapper = await fixture(html`<div @click=${(event: Event) => event.preventDefault()}>
      <notification-centre></notification-centre>
    </div>`);
    const el = wrapper.querySelector('notification-centre')!;
    await waitUntil(() => api!.requests.length > 0 && el.shadowRoot!.querySelector('button.toggle'));
    return el;
  }

  const toggle = (el: NotificationCentre) => el.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!;
  const panel = (el: NotificationCentre) => el.shadowRoot!.querySelector<HTMLElement>('.panel')!;
  const items = (el: NotificationCentre) => [...el.shadowRoot!.querySelectorAll('.panel li')];
  const announcement = (el: NotificationCentre) => text(el.shadowRoot!.querySelector('[role=status].visually-hidden'));
  const button = (el: NotificationCentre, label: string) =>
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.panel button')].find((candidate) => text(candidate) === label);

  async function opened(el: NotificationCentre) {
    toggle(el).click();
    await waitUntil(() => items(el).length > 0, 'the list never appeared');
    return el;
  }

  it('shows the unread count on the button, in words for screen readers', async () => {
    notificationsApi();
    const el = await centre();
    await waitUntil(() => text(toggle(el)) === 'Notifications, 2 unread');
    // Seen as a badge with the number; heard as "Notifications, 2 unread".
    expect(text(el.shadowRoot!.querySelector('.badge'))).to.equal(', 2 unread');
    expect([...el.shadowRoot!.querySelectorAll('.badge .visually-hidden')].map(text)).to.deep.equal([',', 'unread']);
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('false');
    expect(panel(el).hidden).to.equal(true);
    expect(api!.requests[0]).to.include({ method: 'GET', path: '/api/me/notifications' });
  });

  it('lists the notifications: what kind, a link to the thing, the detail, when, and which are unread', async () => {
    notificationsApi();
    const el = await opened(await centre());
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('true');
    expect(panel(el).hidden).to.equal(false);
    expect(text(panel(el).querySelector('h2'))).to.equal('Notifications');
    const [first, second, third] = items(el);
    expect(text(first)).to.equal(
      `Escalation received Street drinking at Granby Street From Charnwood JAG: patrols have not stopped it. ${formatDateTime(escalationReceived.createdAt)} · Unread`,
    );
    expect(first!.querySelector('a')!.getAttribute('href')).to.equal('/escalations/12');
    expect(first!.querySelector('time')!.getAttribute('datetime')).to.equal(escalationReceived.createdAt);
    expect(text(second)).to.contain('Meeting started Charnwood JAG — December 2026').and.contain('Unread');
    expect(text(third)).to.contain('Action assigned to you Report on hotspot patrols').and.not.contain('Unread');
  });

  it('says when it is loading, and when loading failed offers to try again', async () => {
    const answer = deferred<Response>();
    let calls = 0;
    notificationsApi(() => (++calls === 1 ? answer.promise : jsonResponse(response)));
    const el = await centre();
    toggle(el).click();
    await el.updateComplete;
    expect(text(panel(el).querySelector('[role=status]'))).to.equal('Loading…');
    answer.resolve(errorResponse(500, 'internal', 'The server had a problem.'));
    await waitUntil(() => panel(el).querySelector('[role=alert]'), 'no error shown');
    expect(text(panel(el).querySelector('[role=alert]'))).to.contain('Your notifications could not be loaded. The server had a problem.');
    button(el, 'Try again')!.click();
    await waitUntil(() => items(el).length === 3, 'never loaded on trying again');
    expect(panel(el).querySelector('[role=alert]')).to.equal(null);
  });

  it('says when there are none', async () => {
    notificationsApi(() => jsonResponse({ notifications: [], unread: 0 }));
    const el = await centre();
    toggle(el).click();
    await waitUntil(() => text(panel(el)).includes('You have no notifications.'));
    expect(text(toggle(el))).to.equal('Notifications');
    expect(button(el, 'Mark all as read')).to.equal(undefined);
  });

  it('marks all as read', async () => {
    notificationsApi();
    const el = await opened(await centre());
    button(el, 'Mark all as read')!.click();
    await waitUntil(() => announcement(el) === 'All notifications marked as read', 'not announced');
    const post = api!.requests.find((request) => request.method === 'POST')!;
    expect(post.path).to.equal('/api/me/notifications/read');
    expect(post.body).to.deep.equal({ all: true });
    expect(text(toggle(el))).to.equal('Notifications');
    expect(el.shadowRoot!.querySelector('.badge')).to.equal(null);
    expect(items(el).some((item) => text(item).includes('Unread'))).to.equal(false);
    expect(button(el, 'Mark all as read')).to.equal(undefined);
    expect(el.shadowRoot!.activeElement).to.equal(panel(el).querySelector('h2'));
  });

  it('says so when marking all as read fails, and keeps them unread', async () => {
    api = fakeApi({
      'GET /api/me/notifications': () => jsonResponse(response),
      'POST /api/me/notifications/read': () => errorResponse(503, 'unavailable', 'Quorum is busy.'),
    });
    const el = await opened(await centre());
    button(el, 'Mark all as read')!.click();
    await waitUntil(() => panel(el).querySelector('[role=alert]'), 'no error shown');
    expect(text(panel(el).querySelector('[role=alert]'))).to.equal('Your notifications were not marked as read. Quorum is busy.');
    expect(text(toggle(el))).to.equal('Notifications, 2 unread');
  });

  it('marks one read when its link is followed, and closes', async () => {
    notificationsApi();
    const el = await opened(await centre());
    items(el)[1]!.querySelector('a')!.click();
    await waitUntil(() => api!.requests.some((request) => request.method === 'POST'), 'not marked read');
    const post = api!.requests.find((request) => request.method === 'POST')!;
    expect(post.body).to.deep.equal({ ids: [2] });
    await el.updateComplete;
    expect(text(toggle(el))).to.equal('Notifications, 1 unread');
    expect(panel(el).hidden).to.equal(true);
  });

  it('does not ask again for one already read', async () => {
    notificationsApi();
    const el = await opened(await centre());
    items(el)[2]!.querySelector('a')!.click();
    await el.updateComplete;
    expect(api!.requests.filter((request) => request.method === 'POST')).to.have.length(0);
    expect(text(toggle(el))).to.equal('Notifications, 2 unread');
  });

  it('puts a new notification first, counts it and announces it', async () => {
    notificationsApi();
    const el = await opened(await centre());
    const priority = notification({ id: 4, kind: 'priority-routed', title: 'Reduce knife crime', link: '/priorities/6' });
    liveEvents.deliver('notification', priority);
    await waitUntil(() => announcement(el) === 'New notification: Priority received: Reduce knife crime', 'not announced');
    expect(text(toggle(el))).to.equal('Notifications, 3 unread');
    expect(text(items(el)[0])).to.contain('Priority received Reduce knife crime');
    expect(items(el)).to.have.length(4);
    // The same one again (it was stored and pushed) is not counted twice.
    liveEvents.deliver('notification', priority);
    await el.updateComplete;
    expect(items(el)).to.have.length(4);
    expect(text(toggle(el))).to.equal('Notifications, 3 unread');
  });

  it('announces a new notification while the panel is closed too', async () => {
    notificationsApi();
    const el = await centre();
    await waitUntil(() => text(toggle(el)) === 'Notifications, 2 unread');
    liveEvents.deliver('notification', notification({ id: 9, kind: 'escalation-answered', title: 'Fly-tipping on Meadow Lane' }));
    await waitUntil(() => announcement(el) === 'New notification: Escalation answered: Fly-tipping on Meadow Lane');
    expect(text(toggle(el))).to.equal('Notifications, 3 unread');
  });

  it('takes the unread count the server sends when it changes elsewhere', async () => {
    notificationsApi();
    const el = await centre();
    await waitUntil(() => text(toggle(el)) === 'Notifications, 2 unread');
    liveEvents.deliver('notifications:unread', 0);
    await el.updateComplete;
    expect(text(toggle(el))).to.equal('Notifications');
    liveEvents.deliver('notifications:unread', 5);
    await el.updateComplete;
    expect(text(toggle(el))).to.equal('Notifications, 5 unread');
  });

  it('opens from the keyboard; Escape closes it and returns focus to the button', async () => {
    notificationsApi();
    const el = await centre();
    toggle(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => items(el).length > 0, 'Enter did not open it');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Mark all as read'));
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(items(el)[0]!.querySelector('a'));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(panel(el).hidden).to.equal(true);
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(toggle(el));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(panel(el).hidden).to.equal(false);
  });

  it('closes on a click elsewhere on the page', async () => {
    notificationsApi();
    const el = await opened(await centre());
    document.body.click();
    await el.updateComplete;
    expect(panel(el).hidden).to.equal(true);
  });

  it('has no accessibility violations, closed and open', async () => {
    notificationsApi();
    const el = await centre();
    await expectNoAxeViolations(el);
    await opened(el);
    await expectNoAxeViolations(el);
  });
});
