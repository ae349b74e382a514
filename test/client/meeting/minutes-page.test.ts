import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import '../../../client/meeting/minutes-page.js';
import type { MinutesPage } from '../../../client/meeting/minutes-page.js';
import type { ConnectionState, MeetingConnection } from '../../../client/meeting/meeting-session.js';
import type { MeetingResponse } from '../../../shared/api.js';
import { expectNoAxeViolations } from '../axe.js';
import { bodyById, fakeApi, jagDetail, jsonResponse, me, type FakeApi } from '../fake-api.js';
import { meetingDoc } from '../meeting-fixtures.js';
import { afterEach, describe, it } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Stands in for MeetingSession: a document built in the test. */
class FakeSession implements MeetingConnection {
  readonly awareness: Awareness;
  state: ConnectionState = 'connected';
  refusal = null;
  refusedChange = null;
  constructor(readonly doc: Y.Doc) {
    this.awareness = new Awareness(doc);
    this.awareness.setLocalStateField('editing', null);
  }
  subscribe() {
    return () => {};
  }
  reconnect() {}
  destroy() {
    this.awareness.destroy();
  }
}

const response: MeetingResponse = {
  meeting: {
    id: 42,
    bodyId: 5,
    title: 'JAG December meeting',
    startsAt: '2026-12-10T10:00:00.000Z',
    location: 'Southfields, Loughborough',
    status: 'closed',
    startedAt: null,
    closedAt: null,
  },
  body: { ...bodyById(5), myRole: 'member' },
  docName: 'meeting.42',
  access: 'read',
  canRunMeeting: false,
};

describe('<minutes-page>', () => {
  let api: FakeApi | undefined;
  const originalPrint = window.print;
  afterEach(() => {
    api?.restore();
    window.print = originalPrint;
  });

  it('shows the live minutes with a Print button and a way back, without joining the meeting', async () => {
    api = fakeApi({
      'GET /api/meetings/42': () => jsonResponse(response),
      'GET /api/bodies/5': () => jsonResponse(jagDetail),
    });
    const session = new FakeSession(meetingDoc('closed'));
    const el = await fixture<MinutesPage>(
      html`<minutes-page meeting-id="42" .user=${me.user} .openSession=${() => session}></minutes-page>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('printable-minutes'), 'the minutes never appeared');
    const minutes = el.shadowRoot!.querySelector('printable-minutes')!;
    await minutes.updateComplete;
    expect(text(minutes.shadowRoot!.querySelector('h1'))).to.equal(`Minutes of the ${bodyById(5).name} meeting`);
    expect(session.awareness.getLocalState()).to.equal(null);
    expect(el.shadowRoot!.querySelector('.toolbar a')!.getAttribute('href')).to.equal('/meetings/42');

    let printed = 0;
    window.print = () => void printed++;
    [...el.shadowRoot!.querySelectorAll('button')].find((button) => text(button) === 'Print')!.click();
    expect(printed).to.equal(1);
    await expectNoAxeViolations(el);
    session.destroy();
  });
});
