import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import '../../../client/meeting/meeting-page.js';
import type { MeetingPage } from '../../../client/meeting/meeting-page.js';
import type { ConnectionState, MeetingConnection } from '../../../client/meeting/meeting-session.js';
import type { MeetingResponse } from '../../../shared/api.js';
import { metaOf } from '../../../shared/meeting-doc.js';
import type { MinutesStage } from '../../../shared/minutes-lifecycle.js';
import type { Refusal } from '../../../shared/realtime-protocol.js';
import type { Role } from '../../../shared/roles.js';
import { expectNoAxeViolations } from '../axe.js';
import { bodyById, fakeApi, jagDetail, jsonResponse, me, type FakeApi } from '../fake-api.js';
import { meetingDoc, remoteEdit } from '../meeting-fixtures.js';
import { afterEach, describe, it } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function deepAll<E extends Element = Element>(root: ParentNode, selector: string): E[] {
  const found = [...root.querySelectorAll<E>(selector)];
  for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(...deepAll<E>(element.shadowRoot, selector));
  return found;
}

/** A live document the test holds, connected as far as the page can tell. */
class FakeSession implements MeetingConnection {
  readonly awareness: Awareness;
  state: ConnectionState = 'connected';
  refusal: Refusal | null = null;
  refusedChange: string | null = null;
  constructor(readonly doc: Y.Doc) {
    this.awareness = new Awareness(doc);
  }
  subscribe() {
    return () => {};
  }
  reconnect() {}
  destroy() {
    this.awareness.destroy();
  }
}

function closedMeeting(role: Role): MeetingResponse {
  return {
    meeting: { id: 42, bodyId: 5, title: 'JAG December meeting', startsAt: '2026-12-10T10:00:00.000Z', location: 'Southfields, Loughborough', status: 'closed', startedAt: null, closedAt: null },
    body: { ...bodyById(5), myRole: role },
    docName: 'meeting.42',
    access: role === 'chair' ? 'edit' : 'read',
    canRunMeeting: role === 'chair',
  };
}

describe('<meeting-page> after the meeting closes', () => {
  let api: FakeApi | undefined;
  let session: FakeSession | undefined;
  afterEach(() => {
    api?.restore();
    session?.destroy();
  });

  async function page(role: Role, stage: MinutesStage) {
    api = fakeApi({ 'GET /api/meetings/42': () => jsonResponse(closedMeeting(role)), 'GET /api/bodies/5': () => jsonResponse(jagDetail) });
    const doc = meetingDoc('closed');
    metaOf(doc).set('minutesStage', stage);
    session = new FakeSession(doc);
    const el = await fixture<MeetingPage>(html`<meeting-page meeting-id="42" .user=${me.user} .openSession=${() => session!}></meeting-page>`);
    await waitUntil(() => deepAll(el.shadowRoot!, 'agenda-list').length > 0, 'the workspace never appeared');
    await el.updateComplete;
    return el;
  }
  const find = (el: MeetingPage, selector: string) => deepAll<HTMLElement>(el.shadowRoot!, selector);

  it('keeps the draft minutes editable for the chair, saying who can still edit them', async () => {
    const el = await page('chair', 'draft');
    expect(text(el.shadowRoot!.querySelector('.minutes-stage'))).to.equal(
      'Meeting closed — minutes in draft: the chair and secretariat can still edit them. Go to the minutes',
    );
    expect(el.shadowRoot!.querySelector('.minutes-stage a')!.getAttribute('href')).to.equal('/meetings/42/minutes');
    expect(find(el, 'add-agenda-item')).to.have.length(1);
    expect(find(el, 'textarea')[0]!.hasAttribute('readonly')).to.equal(false);
    expect(text(find(el, 'meeting-run-bar')[0]!.shadowRoot!.querySelector('section'))).not.to.contain('read only');
    expect(text(find(el, 'meeting-notices')[0]!.shadowRoot!.querySelector('.notice'))).to.equal('');
    await expectNoAxeViolations(el);
  });

  it('lets a member read the draft minutes but not change them', async () => {
    const el = await page('member', 'draft');
    expect(text(el.shadowRoot!.querySelector('.minutes-stage'))).to.contain('minutes in draft');
    expect(text(find(el, 'meeting-notices')[0]!.shadowRoot!.querySelector('.notice'))).not.to.contain('no longer changed');
    expect(find(el, 'add-agenda-item')).to.have.length(0);
    expect(find(el, 'textarea')[0]!.hasAttribute('readonly')).to.equal(true);
    await expectNoAxeViolations(el);
  });

  it('becomes read only for the chair once the minutes are circulated', async () => {
    const el = await page('chair', 'draft');
    remoteEdit(session!.doc, (remote) => metaOf(remote).set('minutesStage', 'circulated'));
    await waitUntil(() => find(el, 'add-agenda-item').length === 0, 'the agenda stayed editable');
    expect(text(el.shadowRoot!.querySelector('.minutes-stage'))).to.equal(
      'Minutes circulated for comment: the meeting can no longer be changed. Read and comment on the minutes',
    );
    expect(find(el, 'textarea')[0]!.hasAttribute('readonly')).to.equal(true);
  });
});
