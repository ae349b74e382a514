import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { liveEvents } from '../../../client/live/index.js';
import '../../../client/meeting/minutes-page.js';
import type { MinutesPage } from '../../../client/meeting/minutes-page.js';
import type { MeetingResponse } from '../../../shared/api.js';
import type { MinutesComment, MinutesStatusView } from '../../../shared/minutes-api.js';
import type { Role } from '../../../shared/roles.js';
import { expectNoAxeViolations } from '../axe.js';
import { bodyById, errorResponse, fakeApi, jsonResponse, type FakeApi } from '../fake-api.js';
import { afterEach, describe, it } from '../mocha.js';
import { jagMinutes, minutesStatus, storedRevisions } from './minutes-fixtures.js';

const text = (el: Element | ShadowRoot | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const response = (confidential = false, myRole: Role | null = 'member'): MeetingResponse => ({
  meeting: {
    id: 42,
    bodyId: 5,
    title: 'JAG November meeting',
    startsAt: '2026-11-17T10:00:00.000Z',
    location: 'Loughborough Police Station',
    status: 'closed',
    startedAt: null,
    closedAt: null,
  },
  body: { ...bodyById(5), confidential, myRole },
  docName: 'meeting.42',
  access: myRole ? 'read' : 'none',
  canRunMeeting: false,
});

const comment: MinutesComment = {
  id: 1,
  authorName: 'Sam Patel',
  agency: 'Leicestershire Fire and Rescue Service',
  itemId: null,
  itemTitle: null,
  text: 'Agreed as a fair record.',
  createdAt: '2026-11-20T14:30:00.000Z',
};

/** Every address asked for, since the fake matches on the path alone. */
let urls: string[] = [];
const lastMinutesUrl = () => urls.filter((url) => /\/minutes\?/.test(url)).at(-1) ?? '';

function minutesApi({ confidential = false, myRole = 'member' as Role | null, status = minutesStatus() as MinutesStatusView } = {}) {
  const api = fakeApi({
    'GET /api/meetings/42': () => jsonResponse(response(confidential, myRole)),
    'GET /api/meetings/42/minutes': () => jsonResponse(jagMinutes(lastMinutesUrl().includes('version=public') ? 'public' : 'full')),
    'GET /api/meetings/42/minutes/status': () => jsonResponse(status),
    'GET /api/meetings/42/minutes/comments': () => jsonResponse([comment]),
  });
  const faked = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(String(input instanceof Request ? input.url : input));
    return faked(input, init);
  };
  return api;
}

describe('<minutes-page>', () => {
  let api: FakeApi | undefined;
  const originalPrint = window.print;
  const originalFetch = window.fetch;
  afterEach(() => {
    api?.restore();
    window.fetch = originalFetch;
    window.print = originalPrint;
    urls = [];
  });

  const mount = async (query = '') => {
    const el = await fixture<MinutesPage>(html`<minutes-page meeting-id="42" query=${query}></minutes-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('printable-minutes'), 'the minutes never appeared');
    const minutes = el.shadowRoot!.querySelector('printable-minutes')!;
    await minutes.updateComplete;
    return { el, minutes };
  };
  const part = async <K extends 'minutes-lifecycle-panel' | 'minutes-versions' | 'minutes-comments'>(el: MinutesPage, tag: K) => {
    const element = el.shadowRoot!.querySelector(tag)!;
    await element.updateComplete;
    return element.shadowRoot!;
  };

  it('shows the council minutes with downloads of the full version, a Print button and a way back', async () => {
    api = minutesApi();
    const { el, minutes } = await mount();
    expect(text(minutes.shadowRoot!.querySelector('h1'))).to.match(/^Minutes of the meeting of Charnwood Joint Action Group held at/);
    expect(el.shadowRoot!.querySelector('.toolbar a')!.getAttribute('href')).to.equal('/meetings/42');
    const downloads = [...el.shadowRoot!.querySelectorAll('.downloads a')].map((link) => [text(link), link.getAttribute('href')]);
    expect(downloads).to.deep.equal([
      ['Word', '/api/meetings/42/minutes.docx?version=full'],
      ['HTML', '/api/meetings/42/minutes.html?version=full'],
      ['Markdown', '/api/meetings/42/minutes.md?version=full'],
    ]);
    expect(document.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((rule) => /size: a4/i.test(rule.cssText)))).to.equal(true);

    let printed = 0;
    window.print = () => void printed++;
    [...el.shadowRoot!.querySelectorAll('button')].find((button) => text(button) === 'Print or save as PDF')!.click();
    expect(printed).to.equal(1);
    await expectNoAxeViolations(el);
  });

  it('switches to the public version: exempt items redacted, downloads of the public files', async () => {
    api = minutesApi();
    const { el } = await mount();
    const publicChoice = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((input) => input.value === 'public')!;
    publicChoice.click();
    await waitUntil(() => text(el.shadowRoot!.querySelector('printable-minutes')!.shadowRoot!).includes('exempt information'), 'never redacted');
    expect(lastMinutesUrl()).to.contain('/api/meetings/42/minutes?version=public');
    expect(el.shadowRoot!.querySelector('.downloads a')!.getAttribute('href')).to.equal('/api/meetings/42/minutes.docx?version=public');
    expect(text(el.shadowRoot!.querySelector('#downloads-label'))).to.equal('Download the public version:');
    await expectNoAxeViolations(el);
  });

  it('offers no public version for a confidential body', async () => {
    api = minutesApi({ confidential: true });
    const { el } = await mount();
    expect(el.shadowRoot!.querySelectorAll('input[type=radio]')).to.have.length(0);
  });

  it('shows the version the address asks for, keeps it in the downloads, and lists every version with its hash', async () => {
    api = minutesApi({ status: minutesStatus({ stage: 'published', revisions: storedRevisions }) });
    const { el } = await mount('?revision=1');
    expect(lastMinutesUrl()).to.contain('/api/meetings/42/minutes?version=full&revision=1');
    expect(el.shadowRoot!.querySelector('.downloads a')!.getAttribute('href')).to.equal('/api/meetings/42/minutes.docx?version=full&revision=1');
    const versions = await part(el, 'minutes-versions');
    const rows = [...versions.querySelectorAll('tbody tr')];
    expect(rows.map((row) => [text(row.querySelector('th')), row.querySelector('a')!.getAttribute('href')])).to.deep.equal([
      ['Version 2', '/meetings/42/minutes?revision=2'],
      ['Version 1', '/meetings/42/minutes?revision=1'],
    ]);
    expect(text(rows[0])).to.contain('12/01/2027 Alice Carter Item 16: the order is a dispersal order, not a closure order');
    expect(text(rows[1])).to.contain('First confirmed 16/12/2026');
    expect(text(rows[1]!.querySelector('summary code'))).to.equal('a3f1c2d4e5b6…');
    expect(text(rows[1]!.querySelector('details > code'))).to.equal(storedRevisions[0]!.hash);
    expect(versions.querySelector('a[href="/meetings/42/minutes?revision=working"]')).to.exist;

    el.query = '?revision=working';
    await waitUntil(() => lastMinutesUrl().includes('revision=working'), 'the working draft was never asked for');
    expect(el.shadowRoot!.querySelector('.downloads a')!.getAttribute('href')).to.equal('/api/meetings/42/minutes.docx?version=full&revision=working');
  });

  it('shows where the minutes stand, the steps offered, the versions and members’ comments, axe clean', async () => {
    api = minutesApi({ status: minutesStatus({ stage: 'circulated', circulatedAt: '2026-11-19T09:00:00.000Z', steps: ['withdraw', 'approve'], commentCount: 1, mayComment: true }) });
    const { el } = await mount();
    const lifecycle = await part(el, 'minutes-lifecycle-panel');
    expect(text(lifecycle.querySelector('h2'))).to.equal('Stage: Circulated for comment');
    expect([...lifecycle.querySelectorAll('[role=group] button')].map(text)).to.deep.equal(['Withdraw to amend', 'Confirm as a correct record']);
    const versions = await part(el, 'minutes-versions');
    expect(text(versions)).to.contain('No version has been stored yet');
    await waitUntil(async () => (await part(el, 'minutes-comments')).querySelector('li'), 'the comments never loaded');
    expect(text((await part(el, 'minutes-comments')).querySelector('li'))).to.contain('Agreed as a fair record.');
    await expectNoAxeViolations(el);
  });

  it('loads where the minutes stand again after a step, and when another member takes one', async () => {
    let status = minutesStatus({ steps: ['circulate'] });
    api = fakeApi({
      'GET /api/meetings/42': () => jsonResponse(response(false, 'chair')),
      'GET /api/meetings/42/minutes': () => jsonResponse(jagMinutes()),
      'GET /api/meetings/42/minutes/status': () => jsonResponse(status),
      'POST /api/meetings/42/minutes/steps': () => {
        status = minutesStatus({ stage: 'circulated', steps: ['withdraw'] });
        return jsonResponse(status);
      },
      'GET /api/meetings/42/minutes/comments': () => jsonResponse([]),
    });
    const { el } = await mount();
    const lifecycle = await part(el, 'minutes-lifecycle-panel');
    lifecycle.querySelector<HTMLButtonElement>('[role=group] button')!.click();
    await waitUntil(async () => text((await part(el, 'minutes-lifecycle-panel')).querySelector('h2')) === 'Stage: Circulated for comment');
    expect(el.shadowRoot!.querySelector('minutes-comments')).to.exist;

    status = minutesStatus({ stage: 'approved', steps: ['publish'], revisions: storedRevisions.slice(0, 1) });
    liveEvents.deliver('body:changed', { bodyId: 5, list: 'minutes' });
    await waitUntil(async () => text((await part(el, 'minutes-lifecycle-panel')).querySelector('h2')) === 'Stage: Confirmed as a correct record');
    expect((await part(el, 'minutes-versions')).querySelectorAll('tbody tr')).to.have.length(1);
  });

  it('gives a partner outside the body the public version, with no working draft or comments', async () => {
    api = minutesApi({ myRole: null, status: minutesStatus({ stage: 'published', revisions: storedRevisions, movers: [] }) });
    const { el } = await mount();
    expect(lastMinutesUrl()).to.contain('version=public');
    expect(el.shadowRoot!.querySelectorAll('input[type=radio]')).to.have.length(0);
    expect(el.shadowRoot!.querySelector('.toolbar a')!.getAttribute('href')).to.equal('/bodies/5/minutes');
    expect((await part(el, 'minutes-versions')).querySelector('a[href$="revision=working"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('minutes-comments')).to.equal(null);
    expect(urls.some((url) => url.includes('/comments'))).to.equal(false);
    await expectNoAxeViolations(el);
  });

  it('says so when the meeting does not exist, and explains a refusal', async () => {
    api = fakeApi({ 'GET /api/meetings/42': () => errorResponse(404, 'not_found', 'Meeting not found') });
    const missing = await fixture<MinutesPage>(html`<minutes-page meeting-id="42"></minutes-page>`);
    await waitUntil(() => text(missing.shadowRoot!.querySelector('h1')) === 'Meeting not found');
    api.restore();
    api = fakeApi({
      'GET /api/meetings/42': () => jsonResponse(response()),
      'GET /api/meetings/42/minutes': () => errorResponse(403, 'forbidden', 'Only members of Charnwood Joint Action Group can read its minutes'),
      'GET /api/meetings/42/minutes/status': () => jsonResponse(minutesStatus()),
    });
    const refused = await fixture<MinutesPage>(html`<minutes-page meeting-id="42"></minutes-page>`);
    await waitUntil(() => refused.shadowRoot!.querySelector('[role=alert]'));
    expect(text(refused.shadowRoot!.querySelector('[role=alert]'))).to.contain('Only members of Charnwood Joint Action Group can read its minutes');
    await expectNoAxeViolations(refused);
  });
});
