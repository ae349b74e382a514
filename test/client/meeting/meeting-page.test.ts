import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import '../../../client/meeting/meeting-page.js';
import type { MeetingPage } from '../../../client/meeting/meeting-page.js';
import type { ConnectionState, MeetingConnection, MeetingSessionOptions } from '../../../client/meeting/meeting-session.js';
import type { MeetingResponse } from '../../../shared/api.js';
import { formatDateTime } from '../../../shared/dates.js';
import { metaOf } from '../../../shared/meeting-doc.js';
import type { MeetingStatus } from '../../../shared/meetings.js';
import type { Refusal } from '../../../shared/realtime-protocol.js';
import type { Role } from '../../../shared/roles.js';
import { expectNoAxeViolations } from '../axe.js';
import { bodyById, deferred, errorResponse, fakeApi, jagDetail, jsonResponse, me, type FakeApi } from '../fake-api.js';
import { itemIds, meetingDoc, remotePresence } from '../meeting-fixtures.js';
import { allAgencies, jagMembers } from '../action-fixtures.js';
import { minutesTextOf } from '../../../client/meeting/minutes-edits.js';
import { actionsOf } from '../../../shared/action-log-doc.js';
import { describe, it, afterEach } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Everything matching `selector` in `root` and in the shadow roots of the elements inside it (the page is several elements deep). */
function deepAll<E extends Element = Element>(root: ParentNode, selector: string): E[] {
  const found = [...root.querySelectorAll<E>(selector)];
  for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(...deepAll<E>(element.shadowRoot, selector));
  return found;
}
function deep<K extends keyof HTMLElementTagNameMap>(el: Element, selector: K): HTMLElementTagNameMap[K] | null;
function deep(el: Element, selector: string): HTMLElement | null;
function deep(el: Element, selector: string): Element | null {
  return deepAll(el.shadowRoot!, selector)[0] ?? null;
}
/** The element that has focus, however deep in shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Stands in for MeetingSession: a document built in the test, and a state the test sets. */
class FakeSession implements MeetingConnection {
  readonly awareness: Awareness;
  state: ConnectionState = 'connecting';
  refusal: Refusal | null = null;
  refusedChange: string | null = null;
  destroyed = false;
  options: MeetingSessionOptions | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(readonly doc: Y.Doc) {
    this.awareness = new Awareness(doc);
  }
  subscribe(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(changes: Partial<Pick<FakeSession, 'state' | 'refusal' | 'refusedChange'>>) {
    Object.assign(this, changes);
    for (const listener of this.listeners) listener();
  }
  reconnect() {
    this.set({ state: 'connecting', refusal: null });
  }
  destroy() {
    this.destroyed = true;
    this.awareness.destroy();
  }
}

function meetingResponse(status: MeetingStatus, role: Role, canRunMeeting = role === 'chair'): MeetingResponse {
  return {
    meeting: {
      id: 42,
      bodyId: 5,
      title: 'JAG December meeting',
      startsAt: '2026-12-10T10:00:00.000Z',
      location: 'Southfields, Loughborough',
      status,
      startedAt: null,
      closedAt: null,
    },
    body: { ...bodyById(5), myRole: role },
    docName: 'meeting.42',
    access: role === 'observer' || (status === 'scheduled' && role === 'member') || status === 'closed' ? 'read' : 'edit',
    canRunMeeting,
  };
}

describe('<meeting-page>', () => {
  let api: FakeApi | undefined;
  let session: FakeSession | undefined;
  afterEach(() => {
    api?.restore();
    session?.destroy();
  });

  async function page(response: MeetingResponse, extra: Record<string, () => Response | Promise<Response>> = {}, actionLog: FakeSession | null = null) {
    api = fakeApi({
      'GET /api/meetings/42': () => jsonResponse(response),
      'GET /api/bodies/5': () => jsonResponse(jagDetail),
      ...extra,
    });
    session = new FakeSession(meetingDoc(response.meeting.status));
    const open = (options: MeetingSessionOptions) => {
      session!.options = options;
      return session!;
    };
    const el = actionLog
      ? await fixture<MeetingPage>(
          html`<meeting-page meeting-id="42" .user=${me.user} .openSession=${open} .openActionLogSession=${() => actionLog}></meeting-page>`,
        )
      : await fixture<MeetingPage>(html`<meeting-page meeting-id="42" .user=${me.user} .openSession=${open}></meeting-page>`);
    await waitUntil(() => deep(el, 'agenda-list'), 'the workspace never appeared');
    await el.updateComplete;
    return el;
  }
  const button = (el: MeetingPage, name: string) =>
    deepAll<HTMLButtonElement>(el.shadowRoot!, 'button').find((candidate) => text(candidate) === name);

  it('says it is loading until the meeting arrives', async () => {
    const answer = deferred<Response>();
    api = fakeApi({ 'GET /api/meetings/42': () => answer.promise });
    const el = await fixture<MeetingPage>(html`<meeting-page meeting-id="42"></meeting-page>`);
    expect(text(el.shadowRoot!.querySelector('h1'))).to.equal('Loading meeting…');
    expect(el.shadowRoot!.querySelector('[aria-busy=true] [role=status]')).to.exist;
    answer.resolve(errorResponse(404, 'not_found', 'Meeting not found'));
    await waitUntil(() => text(el.shadowRoot!.querySelector('h1')) === 'Meeting not found');
  });

  it('heads the page with the meeting, its body, time, place and status, and opens its document', async () => {
    const el = await page(meetingResponse('live', 'chair'));
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h1'))).to.equal('JAG December meeting');
    expect(root.querySelector('.caption a')!.getAttribute('href')).to.equal('/bodies/5');
    expect(text(deep(el, '.facts'))).to.equal(
      `When ${formatDateTime('2026-12-10T10:00:00.000Z')} Where Southfields, Loughborough Status Live now`,
    );
    expect(session!.options).to.deep.equal({ docName: 'meeting.42', userId: me.user.id });
    expect(deep(el, 'minutes-editor')!.itemId).to.equal(itemIds(session!.doc)[0]);
    const printable = deepAll(el.shadowRoot!, 'a').find((link) => text(link) === 'Printable minutes');
    expect(printable?.getAttribute('href')).to.equal('/meetings/42/minutes');
    await expectNoAxeViolations(el);
  });

  it('announces the state of the connection', async () => {
    const el = await page(meetingResponse('live', 'member'));
    const status = () => text(deep(el, '.connection[role=status]'));
    expect(status()).to.equal('Connecting…');
    session!.set({ state: 'connected' });
    await el.updateComplete;
    expect(status()).to.equal('Connected: changes are shared live');
    session!.set({ state: 'offline' });
    await el.updateComplete;
    expect(status()).to.match(/^Offline: your changes are kept on this device/);
  });

  it('lists who is here, with their agency and what they are editing', async () => {
    const el = await page(meetingResponse('live', 'member'));
    const item = itemIds(session!.doc)[1]!;
    const other = remotePresence(session!.awareness, { id: 10, name: 'PC Dan Moore', agency: 'Police' }, item);
    await el.updateComplete;
    const presence = deep(el, 'presence-list')!;
    await presence.updateComplete;
    expect([...presence.shadowRoot!.querySelectorAll('li')].map(text)).to.deep.equal([
      'Priya Shah (you) CBC',
      'PC Dan Moore Police Editing Declarations of interest',
    ]);
    other.destroy();
    await expectNoAxeViolations(el);
  });

  it('lets the chair start the meeting on the day, and keeps focus on the meeting controls', async () => {
    const onTheDay = (response: MeetingResponse) => ({ ...response, meeting: { ...response.meeting, startsAt: new Date(Date.now() + 3_600_000).toISOString() } });
    const started = onTheDay(meetingResponse('live', 'chair'));
    const el = await page(onTheDay(meetingResponse('scheduled', 'chair')), { 'POST /api/meetings/42/start': () => jsonResponse(started) });
    button(el, 'Start meeting')!.focus();
    button(el, 'Start meeting')!.click();
    await waitUntil(() => button(el, 'Close meeting'), 'the meeting never showed as started');
    expect(api!.requests.some((request) => request.method === 'POST' && request.path === '/api/meetings/42/start')).to.equal(true);
    await waitUntil(() => focused() === button(el, 'Close meeting'), 'focus was lost when Start meeting went away');
  });

  it('offers Start and Close as the rulebook allows: chair and vice-chair, not the secretariat', async () => {
    const vice = await page(meetingResponse('live', 'vice-chair', false));
    expect(button(vice, 'Close meeting')).to.exist;
    const secretariat = await page(meetingResponse('live', 'secretariat', false));
    expect(button(secretariat, 'Close meeting')).to.equal(undefined);
  });

  it('asks, naming the date, before starting a meeting more than a day early', async () => {
    const el = await page(meetingResponse('scheduled', 'chair'), {
      'POST /api/meetings/42/start': () => jsonResponse(meetingResponse('live', 'chair')),
    });
    button(el, 'Start meeting')!.click();
    const dialog = deep(el, 'confirm-dialog')!.shadowRoot!;
    await waitUntil(() => dialog.querySelector('dialog')?.open, 'no warning about starting early');
    expect(text(dialog.querySelector('h2'))).to.equal('Start this meeting early?');
    expect(text(dialog.querySelector('dialog'))).to.contain(formatDateTime('2026-12-10T10:00:00.000Z'));
    dialog.querySelector<HTMLButtonElement>('button.secondary')!.click();
    await waitUntil(() => !dialog.querySelector('dialog')?.open);
    expect(api!.requests.some((request) => request.path === '/api/meetings/42/start')).to.equal(false);
    button(el, 'Start meeting')!.click();
    await waitUntil(() => dialog.querySelector('dialog')?.open);
    [...dialog.querySelectorAll<HTMLButtonElement>('button')].find((candidate) => text(candidate) === 'Start meeting now')!.click();
    await waitUntil(() => api!.requests.some((request) => request.path === '/api/meetings/42/start'), 'the meeting was not started');
  });

  it('takes the keyboard back to the meeting controls with Alt+Shift+R or the button after the item', async () => {
    const el = await page(meetingResponse('live', 'chair'));
    const decisionsButton = button(el, 'Add a decision')!;
    decisionsButton.focus();
    decisionsButton.dispatchEvent(new KeyboardEvent('keydown', { key: 'R', code: 'KeyR', altKey: true, shiftKey: true, bubbles: true, composed: true }));
    await waitUntil(() => focused() === button(el, 'Close meeting'), 'Alt+Shift+R did not reach the controls');
    decisionsButton.focus();
    button(el, 'Back to the meeting controls (Alt+Shift+R)')!.click();
    await waitUntil(() => focused() === button(el, 'Close meeting'), 'the button did not reach the controls');
    expect(deep(el, 'meeting-run-bar')!.shadowRoot!.querySelector('section')!.getAttribute('aria-keyshortcuts')).to.equal('Alt+Shift+R');
  });

  it('takes attendance under Apologies and declarations under Declarations of interest', async () => {
    const el = await page(meetingResponse('live', 'chair'));
    expect(text(deep(el, '#item-heading'))).to.equal('Apologies');
    const itemSection = deep(el, 'section.item')!;
    expect(itemSection.querySelector('attendance-panel')).to.exist;
    expect(itemSection.querySelector('declarations-panel')).to.equal(null);
    (deepAll<HTMLButtonElement>(el.shadowRoot!, 'agenda-list button.open, button.open')[1]!).click();
    await waitUntil(() => text(deep(el, '#item-heading')) === 'Declarations of interest');
    await deep(el, 'meeting-workspace')!.updateComplete;
    expect(itemSection.querySelector('declarations-panel')).to.exist;
    expect(deep(el, 'attendance-panel')).to.equal(null);
    await expectNoAxeViolations(el);
  });

  it('brings the chosen item’s minutes into view on a phone', async () => {
    await setViewport({ width: 390, height: 844 });
    try {
      const el = await page(meetingResponse('live', 'chair'));
      window.scrollTo(0, 0);
      const items = deepAll<HTMLButtonElement>(el.shadowRoot!, 'button.open');
      items[2]!.click();
      await waitUntil(() => text(deep(el, '#item-heading')) === 'High-risk ASB victims');
      await waitUntil(() => {
        const top = deep(el, 'section.item')!.getBoundingClientRect().top;
        return top >= -1 && top < 844 / 2;
      }, 'the minutes stayed out of view below the agenda');
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('raises an action from selected minutes: its ACTION line replaces the words, with the reference once the server numbers it', async () => {
    const log = new FakeSession(new Y.Doc());
    const el = await page(
      meetingResponse('live', 'chair'),
      { 'GET /api/bodies/5/action-log': () => jsonResponse({ docName: 'actions.5', access: 'edit', members: jagMembers, agencies: allAgencies }) },
      log,
    );
    const apologies = itemIds(session!.doc)[0]!;
    await waitUntil(() => button(el, 'Raise an action'), 'raising actions was not offered');
    const minutes = deep(el, 'minutes-editor')!.shadowRoot!.querySelector('textarea')!;
    minutes.value = 'Noted.\nLeaflet drop on hate crime reporting\nNext.';
    minutes.dispatchEvent(new Event('input'));
    minutes.focus();
    minutes.setSelectionRange('Noted.\n'.length, 'Noted.\nLeaflet drop on hate crime reporting'.length);
    button(el, 'Raise an action')!.click();
    const form = await waitUntil(() => deep(el, 'new-action-form'), 'no action form').then(() => deep(el, 'new-action-form')!);
    await form.updateComplete;
    const field = (selector: string) => form.shadowRoot!.querySelector<HTMLInputElement & HTMLSelectElement>(selector)!;
    expect(field('#new-action-title').value).to.equal('Leaflet drop on hate crime reporting');
    field('#new-action-owner').value = '10';
    field('#new-action-due').value = '2027-01-15';
    const agency = form.shadowRoot!.querySelector<HTMLSelectElement>('#new-action-agency');
    if (agency) agency.value = String(allAgencies[0]!.id);
    form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const text = () => (minutesTextOf(session!.doc, apologies) ?? '').toString();
    await waitUntil(() => text().includes('ACTION'), 'no ACTION line in the minutes');
    expect(text()).to.equal('Noted.\nACTION (reference to follow) (PC Dan Moore, by 15/01/2027): Leaflet drop on hate crime reporting\nNext.');
    const [actionId] = [...actionsOf(log.doc).keys()];
    actionsOf(log.doc).get(actionId!)!.set('reference', 'JAG-0042');
    expect(text()).to.equal('Noted.\nACTION JAG-0042 (PC Dan Moore, by 15/01/2027): Leaflet drop on hate crime reporting\nNext.');
    log.destroy();
  });

  it('says a closed meeting with confirmed minutes is closed and read only, not connected, and drops “Who is here”', async () => {
    const el = await page(meetingResponse('closed', 'chair'));
    metaOf(session!.doc).set('minutesStage', 'approved');
    session!.set({ state: 'connected' });
    await el.updateComplete;
    await deep(el, 'meeting-run-bar')!.updateComplete;
    expect(text(deep(el, '.connection[role=status]'))).to.equal('This meeting is closed: read only');
    expect(deepAll(el.shadowRoot!, '[role=status]').map(text).join(' ')).not.to.contain('changes are shared live');
    expect(deep(el, '#presence-heading')).to.equal(null);
    expect(text(deep(el, '.notice'))).to.contain('This meeting is closed');
    await expectNoAxeViolations(el);
  });

  it('asks before closing the meeting', async () => {
    const el = await page(meetingResponse('live', 'chair'), {
      'POST /api/meetings/42/close': () => jsonResponse(meetingResponse('closed', 'chair')),
    });
    button(el, 'Close meeting')!.click();
    const dialog = deep(el, 'confirm-dialog')!.shadowRoot!;
    await waitUntil(() => dialog.querySelector('dialog')?.open, 'no confirmation was asked for');
    expect(text(dialog.querySelector('h2'))).to.equal('Close this meeting?');
    dialog.querySelector<HTMLButtonElement>('button.warning')!.click();
    await waitUntil(() => api!.requests.some((request) => request.path === '/api/meetings/42/close'));
  });

  it('is read only for an observer, and says so', async () => {
    const el = await page(meetingResponse('live', 'observer'));
    const root = el.shadowRoot!;
    expect(text(deep(el, '.notice'))).to.contain('You are observing: read only');
    expect(deep(el, 'agenda-list')!.readonly).to.equal(true);
    expect(deep(el, 'minutes-editor')!.readonly).to.equal(true);
    expect(deep(el, 'attendance-panel')!.readonly).to.equal(true);
    expect(button(el, 'Start meeting')).to.equal(undefined);
    await expectNoAxeViolations(el);
  });

  it('lets a member type the minutes but leaves the agenda and decisions to those running the meeting', async () => {
    const member = await page(meetingResponse('live', 'member'));
    expect(deep(member, 'minutes-editor')!.readonly).to.equal(false);
    expect(deep(member, 'agenda-list')!.readonly).to.equal(true);
    expect(deep(member, 'agenda-list')!.runsMeeting).to.equal(false);
    expect(deep(member, 'decisions-list')!.readonly).to.equal(true);
    expect(deep(member, 'attendance-panel')!.readonly).to.equal(false);
    const chair = await page(meetingResponse('live', 'chair'));
    expect(deep(chair, 'agenda-list')!.readonly).to.equal(false);
    expect(deep(chair, 'decisions-list')!.readonly).to.equal(false);
  });

  it('becomes read only for members when the document says the meeting has closed, leaving the draft minutes to the chair', async () => {
    const el = await page(meetingResponse('live', 'member'));
    expect(deep(el, 'minutes-editor')!.readonly).to.equal(false);
    metaOf(session!.doc).set('status', 'closed');
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('.minutes-stage'))).to.contain('minutes in draft: the chair and secretariat can still edit them');
    expect(deep(el, 'minutes-editor')!.readonly).to.equal(true);
    api!.restore();
    session!.destroy();

    const chair = await page(meetingResponse('live', 'chair'));
    metaOf(session!.doc).set('status', 'closed');
    await chair.updateComplete;
    expect(deep(chair, 'minutes-editor')!.readonly).to.equal(false);
    expect(button(chair, 'Close meeting')).to.equal(undefined);
    metaOf(session!.doc).set('minutesStage', 'circulated');
    await chair.updateComplete;
    expect(text(deep(chair, '.notice'))).to.contain('This meeting is closed');
    expect(deep(chair, 'minutes-editor')!.readonly).to.equal(true);
  });

  it('says why the server refused a connection, and offers to reconnect', async () => {
    const el = await page(meetingResponse('live', 'member'));
    session!.set({ state: 'refused', refusal: { code: 'write_refused', message: 'You can read this document but not change it' } });
    await el.updateComplete;
    const alert = deep(el, '.error-panel[role=alert]')!;
    expect(text(alert)).to.contain('You can read this document but not change it');
    expect(deep(el, 'minutes-editor')!.readonly).to.equal(true);
    button(el, 'Reconnect')!.click();
    expect(session!.state).to.equal('connecting');
  });

  it('tells the user when their last change was refused', async () => {
    const el = await page(meetingResponse('live', 'member'));
    session!.set({ refusedChange: 'The change was refused: agenda.x.title: Title is longer than 200 characters' });
    await el.updateComplete;
    const alert = deep(el, '.error-panel[role=alert]')!;
    expect(text(alert)).to.contain('Your last change was not saved');
    expect(text(alert)).to.contain('Title is longer than 200 characters');
    button(el, 'Dismiss')!.click();
    await el.updateComplete;
    expect(deep(el, '.error-panel')).to.equal(null);
  });

  it('asks the app to sign in again when the connection is refused for want of a session', async () => {
    const el = await page(meetingResponse('live', 'member'));
    const expired = oneEvent(el, 'session-expired');
    session!.set({ state: 'refused', refusal: { code: 'unauthenticated', message: 'Sign in again' } });
    await expired;
  });

  it('documents its keyboard shortcuts', async () => {
    const el = await page(meetingResponse('live', 'member'));
    const details = deep(el, 'details.shortcuts')!;
    expect(text(details.querySelector('summary'))).to.equal('Keyboard shortcuts');
    expect(text(details)).to.contain('Move the item up or down the agenda');
  });

  it('closes its document when it leaves the page', async () => {
    const el = await page(meetingResponse('live', 'member'));
    el.remove();
    expect(session!.destroyed).to.equal(true);
  });

  it('tells a non-member of a confidential body that they cannot open it', async () => {
    api = fakeApi({ 'GET /api/meetings/42': () => errorResponse(403, 'forbidden', 'Only members of Youth JAG can see its meetings') });
    const el = await fixture<MeetingPage>(html`<meeting-page meeting-id="42"></meeting-page>`);
    await waitUntil(() => text(el.shadowRoot!.querySelector('h1')) === 'You cannot open this meeting');
    expect(text(el.shadowRoot!.querySelector('p'))).to.equal('Only members of Youth JAG can see its meetings');
    await expectNoAxeViolations(el);
  });
});
