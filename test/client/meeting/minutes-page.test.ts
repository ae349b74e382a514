import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../client/meeting/minutes-page.js';
import type { MinutesPage } from '../../../client/meeting/minutes-page.js';
import type { MeetingResponse } from '../../../shared/api.js';
import { expectNoAxeViolations } from '../axe.js';
import { bodyById, errorResponse, fakeApi, jsonResponse, type FakeApi } from '../fake-api.js';
import { afterEach, describe, it } from '../mocha.js';
import { jagMinutes } from './minutes-fixtures.js';

const text = (el: Element | ShadowRoot | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const response = (confidential = false): MeetingResponse => ({
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
  body: { ...bodyById(5), confidential, myRole: 'member' },
  docName: 'meeting.42',
  access: 'read',
  canRunMeeting: false,
});

function minutesApi(confidential = false) {
  return fakeApi({
    'GET /api/meetings/42': () => jsonResponse(response(confidential)),
    'GET /api/meetings/42/minutes': () => jsonResponse(jagMinutes(lastUrl.includes('version=public') ? 'public' : 'full')),
  });
}
let lastUrl = '';

describe('<minutes-page>', () => {
  let api: FakeApi | undefined;
  const originalPrint = window.print;
  const originalFetch = window.fetch;
  afterEach(() => {
    api?.restore();
    window.fetch = originalFetch;
    window.print = originalPrint;
  });

  /** Remembers the full address asked for, since the fake matches on the path alone. */
  function recordUrls() {
    const faked = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      lastUrl = String(input instanceof Request ? input.url : input);
      return faked(input, init);
    };
  }

  const mount = async () => {
    const el = await fixture<MinutesPage>(html`<minutes-page meeting-id="42"></minutes-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('printable-minutes'), 'the minutes never appeared');
    const minutes = el.shadowRoot!.querySelector('printable-minutes')!;
    await minutes.updateComplete;
    return { el, minutes };
  };

  it('shows the council minutes with downloads of the full version, a Print button and a way back', async () => {
    api = minutesApi();
    recordUrls();
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
    recordUrls();
    const { el } = await mount();
    const publicChoice = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((input) => input.value === 'public')!;
    publicChoice.click();
    await waitUntil(() => text(el.shadowRoot!.querySelector('printable-minutes')!.shadowRoot!).includes('exempt information'), 'never redacted');
    expect(lastUrl).to.contain('/api/meetings/42/minutes?version=public');
    expect(el.shadowRoot!.querySelector('.downloads a')!.getAttribute('href')).to.equal('/api/meetings/42/minutes.docx?version=public');
    expect(text(el.shadowRoot!.querySelector('#downloads-label'))).to.equal('Download the public version:');
    await expectNoAxeViolations(el);
  });

  it('offers no public version for a confidential body', async () => {
    api = minutesApi(true);
    recordUrls();
    const { el } = await mount();
    expect(el.shadowRoot!.querySelectorAll('input[type=radio]')).to.have.length(0);
  });

  it('says so when the meeting does not exist, and explains a refusal', async () => {
    api = fakeApi({ 'GET /api/meetings/42': () => errorResponse(404, 'not_found', 'Meeting not found') });
    const missing = await fixture<MinutesPage>(html`<minutes-page meeting-id="42"></minutes-page>`);
    await waitUntil(() => text(missing.shadowRoot!.querySelector('h1')) === 'Meeting not found');
    api.restore();
    api = fakeApi({
      'GET /api/meetings/42': () => jsonResponse(response()),
      'GET /api/meetings/42/minutes': () => errorResponse(403, 'forbidden', 'Only members of Charnwood Joint Action Group can read its minutes'),
    });
    const refused = await fixture<MinutesPage>(html`<minutes-page meeting-id="42"></minutes-page>`);
    await waitUntil(() => refused.shadowRoot!.querySelector('[role=alert]'));
    expect(text(refused.shadowRoot!.querySelector('[role=alert]'))).to.contain('Only members of Charnwood Joint Action Group can read its minutes');
    await expectNoAxeViolations(refused);
  });
});
