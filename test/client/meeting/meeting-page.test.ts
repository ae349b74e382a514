import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
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
import { describe, it, afterEach } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

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

  async function page(response: MeetingResponse, extra: Record<string, () => Response | Promise<Response>> = {}) {
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
    const el = await fixture<MeetingPage>(html`<meeting-page meeting-id="42" .user=${me.user} .openSession=${open}></meeting-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('agenda-list'), 'the workspace never appeared');
    await el.updateComplete;
    return el;
  }
  const button = (el: MeetingPage, name: string) =>
    [...el.shadowRoot!.querySelectorAll('button')].find((candidate) => text(candidate) === name);

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
    expect(text(root.querySelector('.facts'))).to.equal(
      `When ${formatDateTime('2026-12-10T10:00:00.000Z')} Where Southfields, Loughborough Status Live now`,
    );
    expect(session!.options).to.deep.equal({ docName: 'meeting.42', userId: me.user.id });
    expect(root.querySelector('minutes-editor')!.itemId).to.equal(itemIds(session!.doc)[0]);
    const printable = [...root.querySelectorAll('a')].find((link) => text(link) === 'Printable minutes');
    expect(printable?.getAttribute('href')).to.equal('/meetings/42/minutes');
    await expectNoAxeViolations(el);
  });

  it('announces the state of the connection', async () => {
    const el = await page(meetingResponse('live', 'member'));
    const status = () => text(el.shadowRoot!.querySelector('.connection[role=status]'));
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
    const presence = el.shadowRoot!.querySelector('presence-list')!;
    await presence.updateComplete;
    expect([...presence.shadowRoot!.querySelectorAll('li')].map(text)).to.deep.equal([
      'Priya Shah (you) CBC',
      'PC Dan Moore Police Editing Declarations of interest',
    ]);
    other.destroy();
    await expectNoAxeViolations(el);
  });

  it('lets the chair start the meeting', async () => {
    const started = meetingResponse('live', 'chair');
    const el = await page(meetingResponse('scheduled', 'chair'), { 'POST /api/meetings/42/start': () => jsonResponse(started) });
    button(el, 'Start meeting')!.click();
    await waitUntil(() => button(el, 'Close meeting'), 'the meeting never showed as started');
    expect(api!.requests.some((request) => request.method === 'POST' && request.path === '/api/meetings/42/start')).to.equal(true);
  });

  it('asks before closing the meeting', async () => {
    const el = await page(meetingResponse('live', 'chair'), {
      'POST /api/meetings/42/close': () => jsonResponse(meetingResponse('closed', 'chair')),
    });
    button(el, 'Close meeting')!.click();
    const dialog = el.shadowRoot!.querySelector('confirm-dialog')!.shadowRoot!;
    await waitUntil(() => dialog.querySelector('dialog')?.open, 'no confirmation was asked for');
    expect(text(dialog.querySelector('h2'))).to.equal('Close this meeting?');
    dialog.querySelector<HTMLButtonElement>('button.warning')!.click();
    await waitUntil(() => api!.requests.some((request) => request.path === '/api/meetings/42/close'));
  });

  it('is read only for an observer, and says so', async () => {
    const el = await page(meetingResponse('live', 'observer'));
    const root = el.shadowRoot!;
    expect(text(root.querySelector('.notice'))).to.contain('You are observing: read only');
    expect(root.querySelector('agenda-list')!.readonly).to.equal(true);
    expect(root.querySelector('minutes-editor')!.readonly).to.equal(true);
    expect(root.querySelector('attendance-panel')!.readonly).to.equal(true);
    expect(button(el, 'Start meeting')).to.equal(undefined);
    await expectNoAxeViolations(el);
  });

  it('lets a member type the minutes but leaves the agenda and decisions to those running the meeting', async () => {
    const member = await page(meetingResponse('live', 'member'));
    let root = member.shadowRoot!;
    expect(root.querySelector('minutes-editor')!.readonly).to.equal(false);
    expect(root.querySelector('agenda-list')!.readonly).to.equal(true);
    expect(root.querySelector('agenda-list')!.runsMeeting).to.equal(false);
    expect(root.querySelector('decisions-list')!.readonly).to.equal(true);
    expect(root.querySelector('attendance-panel')!.readonly).to.equal(false);
    const chair = await page(meetingResponse('live', 'chair'));
    root = chair.shadowRoot!;
    expect(root.querySelector('agenda-list')!.readonly).to.equal(false);
    expect(root.querySelector('decisions-list')!.readonly).to.equal(false);
  });

  it('becomes read only for everyone when the document says the meeting has closed', async () => {
    const el = await page(meetingResponse('live', 'chair'));
    expect(el.shadowRoot!.querySelector('minutes-editor')!.readonly).to.equal(false);
    metaOf(session!.doc).set('status', 'closed');
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('.notice'))).to.contain('This meeting is closed');
    expect(el.shadowRoot!.querySelector('minutes-editor')!.readonly).to.equal(true);
    expect(button(el, 'Close meeting')).to.equal(undefined);
  });

  it('says why the server refused a connection, and offers to reconnect', async () => {
    const el = await page(meetingResponse('live', 'member'));
    session!.set({ state: 'refused', refusal: { code: 'write_refused', message: 'You can read this document but not change it' } });
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('.error-panel[role=alert]')!;
    expect(text(alert)).to.contain('You can read this document but not change it');
    expect(el.shadowRoot!.querySelector('minutes-editor')!.readonly).to.equal(true);
    button(el, 'Reconnect')!.click();
    expect(session!.state).to.equal('connecting');
  });

  it('tells the user when their last change was refused', async () => {
    const el = await page(meetingResponse('live', 'member'));
    session!.set({ refusedChange: 'The change was refused: agenda.x.title: Title is longer than 200 characters' });
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('.error-panel[role=alert]')!;
    expect(text(alert)).to.contain('Your last change was not saved');
    expect(text(alert)).to.contain('Title is longer than 200 characters');
    button(el, 'Dismiss')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.error-panel')).to.equal(null);
  });

  it('asks the app to sign in again when the connection is refused for want of a session', async () => {
    const el = await page(meetingResponse('live', 'member'));
    const expired = oneEvent(el, 'session-expired');
    session!.set({ state: 'refused', refusal: { code: 'unauthenticated', message: 'Sign in again' } });
    await expired;
  });

  it('documents its keyboard shortcuts', async () => {
    const el = await page(meetingResponse('live', 'member'));
    const details = el.shadowRoot!.querySelector('details.shortcuts')!;
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
