import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../client/escalations/body-escalations-page.js';
import type { BodyEscalationsPage } from '../../../client/escalations/body-escalations-page.js';
import type { EscalationTable } from '../../../client/escalations/escalation-table.js';
import { liveEvents } from '../../../client/live/index.js';
import type { BodyEscalationsResponse } from '../../../shared/api.js';
import { expectNoAxeViolations } from '../axe.js';
import { errorResponse, fakeApi, jagDetail, jsonResponse, type FakeApi } from '../fake-api.js';
import { afterEach, describe, it } from '../mocha.js';
import { acceptedHop, settle, text, youthChain } from './escalation-fixtures.js';

const inbox: BodyEscalationsResponse = { received: [youthChain[0]!], sent: [youthChain[1]!, acceptedHop] };

describe('<body-escalations-page>', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  async function page(bodyId = 5) {
    const el = await fixture<BodyEscalationsPage>(html`<body-escalations-page body-id=${bodyId}></body-escalations-page>`);
    await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy=true]'), 'the escalations never loaded');
    await el.updateComplete;
    return el;
  }

  async function rows(el: BodyEscalationsPage, section: 'received' | 'sent') {
    const table = el.shadowRoot!.querySelector<EscalationTable>(`section[aria-labelledby=${section}-heading] escalation-table`);
    if (!table) return null;
    await table.updateComplete;
    return [...table.shadowRoot!.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map(text));
  }

  it('lists what the body has received and sent, with statuses and links to each', async () => {
    api = fakeApi({ 'GET /api/bodies/5': () => jsonResponse(jagDetail), 'GET /api/bodies/5/escalations': () => jsonResponse(inbox) });
    const titles: string[] = [];
    const onTitle = (event: Event) => titles.push((event as CustomEvent<string>).detail);
    addEventListener('page-title', onTitle);
    const el = await page();
    removeEventListener('page-title', onTitle);
    expect(text(el.shadowRoot!.querySelector('h1'))).to.equal('Charnwood JAG: escalations');
    expect(titles).to.include('Charnwood JAG: escalations');
    expect(await rows(el, 'received')).to.deep.equal([
      ['A group of young people at risk of exploitation around the station.', 'Youth JAG', 'Youth JAG', '02/11/2026', 'Escalated further'],
    ]);
    expect(await rows(el, 'sent')).to.deep.equal([
      ['Exploitation risk around the station: joint patrols and outreach needed.', 'Charnwood Community Safety Partnership', 'Youth JAG', '10/11/2026', 'Awaiting an answer'],
      ['Repeat fly-tipping behind Ashby Road shops needs CCTV funding.', 'Charnwood Community Safety Partnership', 'Charnwood JAG', '20/11/2026', 'Accepted'],
    ]);
    const table = el.shadowRoot!.querySelector('section[aria-labelledby=sent-heading] escalation-table')!;
    expect([...table.shadowRoot!.querySelectorAll('tbody a')].map((a) => a.getAttribute('href'))).to.deep.equal(['/escalations/41', '/escalations/42']);
    expect(text(table.shadowRoot!.querySelector('thead'))).to.equal('Summary To Origin body Raised on Status');
    await expectNoAxeViolations(el);
  });

  it('says when there is nothing received or sent', async () => {
    api = fakeApi({ 'GET /api/bodies/5': () => jsonResponse(jagDetail), 'GET /api/bodies/5/escalations': () => jsonResponse({ received: [], sent: [] }) });
    const el = await page();
    expect(await rows(el, 'received')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('section[aria-labelledby=received-heading] p'))).to.equal('No escalations have been received.');
    expect(text(el.shadowRoot!.querySelector('section[aria-labelledby=sent-heading] p'))).to.equal('No escalations have been sent.');
    await expectNoAxeViolations(el);
  });

  it('says not found for a body that is missing or not to be known', async () => {
    api = fakeApi({});
    const el = await page(9);
    expect(text(el.shadowRoot!.querySelector('h1'))).to.equal('Escalations not found');
    expect(el.shadowRoot!.querySelector('a[href="/map"]')).to.exist;
    await expectNoAxeViolations(el);
  });

  it('shows a failure and lets the user try again', async () => {
    let fail = true;
    api = fakeApi({
      'GET /api/bodies/5': () => jsonResponse(jagDetail),
      'GET /api/bodies/5/escalations': () => (fail ? errorResponse(500, 'internal', 'Something went wrong') : jsonResponse(inbox)),
    });
    const el = await page();
    expect(text(el.shadowRoot!.querySelector('h1'))).to.equal('Sorry, these escalations could not be loaded');
    expect(text(el.shadowRoot!.querySelector('[role=alert] p'))).to.equal('Something went wrong');
    await expectNoAxeViolations(el);
    fail = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await waitUntil(() => text(el.shadowRoot!.querySelector('h1')) === 'Charnwood JAG: escalations');
  });

  it('fetches again when the body’s escalations change, keeping the list on screen meanwhile', async () => {
    let response = { received: [], sent: [] } as BodyEscalationsResponse;
    api = fakeApi({ 'GET /api/bodies/5': () => jsonResponse(jagDetail), 'GET /api/bodies/5/escalations': () => jsonResponse(response) });
    const el = await page();
    response = inbox;
    liveEvents.deliver('body:changed', { bodyId: 5, list: 'priorities' });
    await settle();
    expect(await rows(el, 'received')).to.equal(null);
    liveEvents.deliver('body:changed', { bodyId: 5, list: 'escalations' });
    expect(el.shadowRoot!.querySelector('[role=status]')).to.equal(null);
    await waitUntil(() => el.shadowRoot!.querySelector('section[aria-labelledby=received-heading] escalation-table'), 'never refreshed');
    expect(await rows(el, 'received')).to.have.length(1);
  });
});
