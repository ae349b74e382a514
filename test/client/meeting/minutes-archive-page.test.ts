import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { liveEvents } from '../../../client/live/index.js';
import '../../../client/meeting/minutes-archive-page.js';
import type { MinutesArchivePage } from '../../../client/meeting/minutes-archive-page.js';
import type { MinutesArchiveEntry } from '../../../shared/minutes-api.js';
import { expectNoAxeViolations } from '../axe.js';
import { deferred, errorResponse, fakeApi, jagDetail, jsonResponse, type FakeApi } from '../fake-api.js';
import { afterEach, describe, it } from '../mocha.js';

const text = (el: Element | ShadowRoot | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const archive: MinutesArchiveEntry[] = [
  { meetingId: 102, title: 'JAG December meeting', startsAt: '2026-12-10T10:00:00.000Z', stage: 'circulated', latestRevision: null, publishedAt: null, itemCount: 6, actionCount: 2 },
  { meetingId: 101, title: 'JAG November meeting', startsAt: '2026-11-12T10:00:00.000Z', stage: 'published', latestRevision: 2, publishedAt: '2026-12-11T09:00:00.000Z', itemCount: 8, actionCount: 5 },
];

describe('<minutes-archive-page>', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  async function page(bodyId = 5) {
    const el = await fixture<MinutesArchivePage>(html`<minutes-archive-page body-id=${bodyId}></minutes-archive-page>`);
    await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy=true]'), 'the archive never loaded');
    await el.updateComplete;
    return el;
  }
  const rows = (el: MinutesArchivePage) =>
    [...el.shadowRoot!.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('th, td')].map((cell) => text(cell)));

  it('lists the body’s meetings newest first, each linking to its minutes', async () => {
    api = fakeApi({ 'GET /api/bodies/5': () => jsonResponse(jagDetail), 'GET /api/bodies/5/minutes': () => jsonResponse(archive) });
    const el = await page();
    expect(text(el.shadowRoot!.querySelector('h1'))).to.equal('Minutes archive — Charnwood JAG');
    expect([...el.shadowRoot!.querySelectorAll('thead th')].map((cell) => text(cell))).to.deep.equal([
      'Meeting', 'Date', 'Stage', 'Version', 'Published', 'Items', 'Actions',
    ]);
    expect(rows(el)).to.deep.equal([
      ['JAG December meeting', '10/12/2026', 'Circulated for comment', 'None stored', 'Not published', '6', '2'],
      ['JAG November meeting', '12/11/2026', 'Published', 'Version 2', '11/12/2026', '8', '5'],
    ]);
    expect([...el.shadowRoot!.querySelectorAll('tbody a')].map((a) => a.getAttribute('href'))).to.deep.equal(['/meetings/102/minutes', '/meetings/101/minutes']);
    await expectNoAxeViolations(el);
  });

  it('says when there are no minutes yet', async () => {
    api = fakeApi({ 'GET /api/bodies/5': () => jsonResponse(jagDetail), 'GET /api/bodies/5/minutes': () => jsonResponse([]) });
    const el = await page();
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('[aria-busy] p:last-child'))).to.equal('No meeting has closed yet, so there are no minutes.');
    await expectNoAxeViolations(el);
  });

  it('says it is loading, then not found for a body that is missing or not to be known', async () => {
    const answer = deferred<Response>();
    api = fakeApi({ 'GET /api/bodies/9': () => answer.promise });
    const el = await fixture<MinutesArchivePage>(html`<minutes-archive-page body-id="9"></minutes-archive-page>`);
    expect(text(el.shadowRoot!.querySelector('h1'))).to.equal('Loading minutes…');
    expect(el.shadowRoot!.querySelector('[aria-busy=true] [role=status]')).to.exist;
    answer.resolve(errorResponse(404, 'not_found', 'Body not found'));
    await waitUntil(() => text(el.shadowRoot!.querySelector('h1')) === 'Minutes archive not found');
    expect(el.shadowRoot!.querySelector('a[href="/map"]')).to.exist;
    await expectNoAxeViolations(el);
  });

  it('shows a failure, and follows other members’ steps live', async () => {
    let fail = true;
    let entries = archive.slice(1);
    api = fakeApi({
      'GET /api/bodies/5': () => jsonResponse(jagDetail),
      'GET /api/bodies/5/minutes': () => (fail ? errorResponse(500, 'internal', 'Something went wrong') : jsonResponse(entries)),
    });
    const el = await page();
    expect(text(el.shadowRoot!.querySelector('h1'))).to.equal('Sorry, this minutes archive could not be loaded');
    expect(text(el.shadowRoot!.querySelector('[role=alert] p'))).to.equal('Something went wrong');
    await expectNoAxeViolations(el);
    fail = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await waitUntil(() => rows(el).length === 1, 'never loaded on trying again');

    entries = archive;
    liveEvents.deliver('body:changed', { bodyId: 5, list: 'actions' });
    liveEvents.deliver('body:changed', { bodyId: 5, list: 'minutes' });
    await waitUntil(() => rows(el).length === 2, 'never followed the change');
  });
});
