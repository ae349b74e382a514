import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../client/priorities/index.js';
import type { PriorityPage } from '../../../client/priorities/priority-page.js';
import { liveEvents } from '../../../client/live/index.js';
import type { PriorityResponse } from '../../../shared/api.js';
import { expectNoAxeViolations } from '../axe.js';
import { errorResponse, fakeApi, jsonResponse, type FakeApi } from '../fake-api.js';
import { afterEach, describe, it } from '../mocha.js';
import { repeatAsbThread } from './priority-fixtures.js';

const text = (el: Node | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The JAG has not acknowledged it yet, and the caller chairs the JAG. */
const awaitingJag: PriorityResponse = {
  priority: {
    ...repeatAsbThread.priority,
    bodies: repeatAsbThread.priority.bodies.map((state) => (state.body.id === 5 ? { ...state, acknowledgedAt: null, acknowledgedBy: null } : state)),
  },
  canAcknowledgeFor: [5],
};

describe('<priority-page>', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  async function page(thread: () => PriorityResponse = () => repeatAsbThread, extra = {}) {
    api = fakeApi({ 'GET /api/priorities/41': () => jsonResponse(thread()), ...extra });
    const el = await fixture<PriorityPage>(html`<priority-page priority-id="41"></priority-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('section.priority'), 'the golden thread never loaded');
    return { el, root: el.shadowRoot! };
  }
  const section = (root: ShadowRoot, name: string) => [...root.querySelectorAll('section.priority')].find((each) => text(each.querySelector('h3')) === name)!;
  const gets = () => api!.requests.filter((request) => request.path === '/api/priorities/41').length;

  it('shows the priority, then each receiving body with its acknowledgement, counts and linked actions', async () => {
    const { el, root } = await page();
    expect(text(root.querySelector('h1'))).to.equal('Reduce repeat anti-social behaviour');
    expect(text(root.querySelector('.caption'))).to.equal('Priority from Charnwood Community Safety Partnership');
    expect(root.querySelector('.caption a')!.getAttribute('href')).to.equal('/bodies/3/priorities');
    expect(text(root.querySelector('.summary'))).to.contain('Theme: ASB · Period: 2026 to 2027').and.contain('Published by Cllr Helen Ward on 02/11/2026');
    const jag = section(root, 'Charnwood JAG');
    expect(text(jag)).to.contain('Acknowledged by Priya Shah on 04/11/2026');
    expect(text(jag.querySelector('dl.counts'))).to.equal('Done 1 Outstanding 2 Overdue 1');
    const rows = [...jag.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map(text));
    expect(rows).to.deep.equal([
      ['JAG-0004', 'Map repeat ASB locations', 'PC Dan Moore', 'Red', 'Open', '01/11/2026 (overdue)'],
      ['JAG-0007', 'Extra patrols on Ashby Road', 'Sam Patel', 'Amber', 'In progress', '15/12/2026'],
      ['JAG-0002', 'Close the alleyway', 'PC Dan Moore', 'None (closed)', 'Done', '15/12/2026'],
    ]);
    expect(jag.querySelector<HTMLAnchorElement>('a[href="/bodies/5/actions"]')).to.exist;
    expect(root.querySelector('acknowledge-priority-button')).to.equal(null);
    await expectNoAxeViolations(el);
  });

  it('gives counts but not the actions of a body the reader may not see into', async () => {
    const { root } = await page();
    const ppep = section(root, 'Prevent, Protect and Early Partnership');
    expect(text(ppep)).to.contain('Not acknowledged yet');
    expect(text(ppep.querySelector('dl.counts'))).to.equal('Done 0 Outstanding 3 Overdue 0');
    expect(text(ppep)).to.contain('Prevent, Protect and Early Partnership’s actions are confidential to its members.');
    expect(ppep.querySelector('table')).to.equal(null);
    expect(ppep.querySelector('a')).to.equal(null);
  });

  it('lets the chair of a receiving body acknowledge it there, and shows it acknowledged', async () => {
    let acknowledged = false;
    const { el, root } = await page(() => (acknowledged ? { ...repeatAsbThread, canAcknowledgeFor: [] } : awaitingJag), {
      'POST /api/priorities/41/acknowledge': () => ((acknowledged = true), jsonResponse({ ok: true })),
    });
    const button = section(root, 'Charnwood JAG').querySelector('acknowledge-priority-button')!;
    await button.updateComplete;
    expect(section(root, 'Prevent, Protect and Early Partnership').querySelector('acknowledge-priority-button')).to.equal(null);
    await expectNoAxeViolations(el);
    const press = button.shadowRoot!.querySelector('button')!;
    expect(text(press)).to.equal('Acknowledge: Reduce repeat anti-social behaviour for Charnwood JAG');
    press.click();
    await waitUntil(() => text(section(root, 'Charnwood JAG')).includes('Acknowledged by Priya Shah'), 'never shown acknowledged');
    expect(api!.requests.find((request) => request.method === 'POST')!.body).to.deep.equal({ bodyId: 5 });
    expect(text(root.querySelector('p.visually-hidden[role=status]'))).to.equal('Acknowledged for Charnwood JAG');
    expect(root.querySelector('acknowledge-priority-button')).to.equal(null);
    expect(root.activeElement).to.equal(section(root, 'Charnwood JAG').querySelector('h3'));
  });

  it('fetches the thread again when it changes, and not for another priority', async () => {
    let outstanding = 2;
    const { root } = await page(() => ({
      ...repeatAsbThread,
      priority: { ...repeatAsbThread.priority, bodies: [{ ...repeatAsbThread.priority.bodies[0]!, counts: { done: 1, outstanding, overdue: 1 } }] },
    }));
    liveEvents.deliver('priority:changed', { priorityId: 42 });
    expect(gets()).to.equal(1);
    outstanding = 3;
    liveEvents.deliver('priority:changed', { priorityId: 41 });
    await waitUntil(() => text(root.querySelector('dl.counts')) === 'Done 1 Outstanding 3 Overdue 1', 'never refreshed');
    expect(gets()).to.equal(2);
  });

  it('says when there is no such priority (or none this reader may know of)', async () => {
    api = fakeApi({ 'GET /api/priorities/99': () => errorResponse(404, 'not_found', 'There is no such priority') });
    const el = await fixture<PriorityPage>(html`<priority-page priority-id="99"></priority-page>`);
    await waitUntil(() => text(el.shadowRoot!.querySelector('h1')) === 'Priority not found', 'never said not found');
    expect(text(el.shadowRoot!)).to.contain('There is no priority at this address.');
    expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('/');
    await expectNoAxeViolations(el);
  });

  it('says why the thread could not be loaded, and tries again', async () => {
    let fail = true;
    api = fakeApi({ 'GET /api/priorities/41': () => (fail ? errorResponse(500, 'internal', 'The database is busy') : jsonResponse(repeatAsbThread)) });
    const el = await fixture<PriorityPage>(html`<priority-page priority-id="41"></priority-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'no error shown');
    expect(text(el.shadowRoot!.querySelector('h1'))).to.equal('Sorry, the priority could not be loaded');
    fail = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('section.priority'), 'never loaded on retry');
  });
});
