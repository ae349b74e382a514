import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../client/search/index.js';
import type { SearchBox } from '../../../client/search/search-box.js';
import type { SearchPage } from '../../../client/search/search-page.js';
import { NAVIGATE_REQUESTED, PAGE_TITLE } from '../../../client/shell/events.js';
import { routeFor } from '../../../client/shell/routes.js';
import type { SearchResponse } from '../../../shared/search.js';
import { expectNoAxeViolations } from '../axe.js';
import { bodiesResponse, deferred, errorResponse, fakeApi, jsonResponse, type FakeApi } from '../fake-api.js';
import { afterEach, describe, it } from '../mocha.js';

const text = (el: Node | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const found: SearchResponse = {
  total: 3,
  results: [
    {
      kind: 'minutes',
      title: 'Hate crime review',
      snippet: 'Graffiti &lt;img src=x onerror=alert(1)&gt; at the <mark>underpass</mark> <b onclick="x()">bold</b>',
      link: '/meetings/7',
      body: { id: 5, name: 'Charnwood JAG' },
      date: '2026-12-01T10:00:00.000Z',
    },
    {
      kind: 'action',
      title: 'Clean the underpass',
      snippet: 'Clean the <mark>underpass</mark>',
      link: '/bodies/5/actions',
      body: { id: 5, name: 'Charnwood JAG' },
      date: '2026-11-20T09:00:00.000Z',
    },
  ],
};

describe('the search address', () => {
  it('is the search page, whatever it asks for', () => {
    expect(routeFor('/search')).to.deep.equal({ page: 'search' });
    expect(routeFor('/search/')).to.deep.equal({ page: 'search' });
  });
});

describe('<search-box>', () => {
  it('opens the results page for the words typed when Enter is pressed', async () => {
    const el = await fixture<SearchBox>(html`<search-box></search-box>`);
    const input = el.shadowRoot!.querySelector('input')!;
    expect(el.shadowRoot!.querySelector('label')!.getAttribute('for')).to.equal(input.id);
    input.value = 'hate crime & more';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const navigated = oneEvent(el, NAVIGATE_REQUESTED);
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    expect((await navigated).detail).to.equal('/search?q=hate+crime+%26+more');
    await expectNoAxeViolations(el);
  });

  it('goes nowhere with nothing typed', async () => {
    const el = await fixture<SearchBox>(html`<search-box></search-box>`);
    let navigated = false;
    el.addEventListener(NAVIGATE_REQUESTED, () => (navigated = true));
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    expect(navigated).to.equal(false);
  });
});

describe('<search-page>', () => {
  let api: FakeApi | undefined;
  const searched: string[] = [];
  afterEach(() => {
    api?.restore();
    searched.length = 0;
  });

  async function page(query: string, answer: () => Response | Promise<Response> = () => jsonResponse(found)) {
    api = fakeApi({ 'GET /api/search': answer, 'GET /api/bodies': () => jsonResponse(bodiesResponse) });
    const faked = window.fetch;
    window.fetch = (input, init) => {
      const url = new URL(String(input), location.origin);
      if (url.pathname === '/api/search') searched.push(url.search);
      return faked(input, init);
    };
    const restore = api.restore;
    api.restore = () => {
      window.fetch = faked;
      restore();
    };
    const el = await fixture<SearchPage>(html`<search-page query=${query}></search-page>`);
    return { el, root: el.shadowRoot! };
  }

  it('shows the results best first, with the snippet highlighted and nothing else rendered as markup', async () => {
    const titles: string[] = [];
    document.addEventListener(PAGE_TITLE, (event) => titles.push((event as CustomEvent<string>).detail));
    const { el, root } = await page('?q=underpass&kind=minutes');
    await waitUntil(() => root.querySelector('ol.results'), 'no results shown');
    expect(searched).to.deep.equal(['?q=underpass&kind=minutes']);
    expect(text(root.querySelector('h1'))).to.equal('Search results for “underpass”');
    expect(text(root.querySelector('[role=status]'))).to.equal('3 results, the best 2 shown');
    const [first, second] = [...root.querySelectorAll('ol.results li')];
    expect(first!.querySelector('h2 a')!.getAttribute('href')).to.equal('/meetings/7');
    expect(text(first!.querySelector('.about'))).to.equal('Minutes · Charnwood JAG · 01/12/2026');
    const snippet = first!.querySelector('.snippet')!;
    expect(text(snippet.querySelector('mark'))).to.equal('underpass');
    expect(snippet.querySelector('img, b, [onclick], [onerror]')).to.equal(null);
    expect(text(snippet)).to.contain('<img src=x onerror=alert(1)>');
    expect(text(second)).to.contain('Action · Charnwood JAG · 20/11/2026');
    expect(titles).to.include('Search results for “underpass”');
    expect((root.querySelector('#kind') as HTMLSelectElement).value).to.equal('minutes');
    await expectNoAxeViolations(el);
  });

  it('searches again with the filters chosen, through the address', async () => {
    const { el, root } = await page('?q=underpass');
    await waitUntil(() => root.querySelector('ol.results'));
    await waitUntil(() => root.querySelectorAll('#bodyId option').length > 1, 'the bodies never loaded');
    const set = (selector: string, value: string) => {
      const field = root.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
      field.value = value;
      field.dispatchEvent(new Event('change', { bubbles: true }));
    };
    set('#kind', 'action');
    set('#bodyId', '5');
    set('#from', '2026-11-01');
    set('#to', '2026-11-30');
    // Confidential bodies the person is not on are not offered.
    expect([...root.querySelectorAll('#bodyId option')].map(text)).to.include('Youth JAG').and.not.include('Adults at Risk');
    const navigated = oneEvent(el, NAVIGATE_REQUESTED);
    root.querySelector('form')!.requestSubmit();
    expect((await navigated).detail).to.equal('/search?q=underpass&kind=action&bodyId=5&from=2026-11-01&to=2026-11-30');
  });

  it('says when nothing matches, and asks for more words without searching when too few are typed', async () => {
    const empty = await page('?q=zzzz', () => jsonResponse({ results: [], total: 0 }));
    await waitUntil(() => text(empty.root.querySelector('[role=status]')).startsWith('Nothing'));
    expect(text(empty.root.querySelector('[role=status]'))).to.contain('Nothing you may read matches “zzzz”');
    api!.restore();
    searched.length = 0;

    const short = await page('?q=a');
    await waitUntil(() => text(short.root.querySelector('[role=status]')).startsWith('Type'));
    expect(searched).to.deep.equal([]);
    expect(text(short.root.querySelector('h1'))).to.equal('Search');
    const input = short.root.querySelector<HTMLInputElement>('#q')!;
    input.value = 'x';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    short.root.querySelector('form')!.requestSubmit();
    await short.el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(text(short.root.querySelector('#q-error'))).to.equal('Type at least 2 characters to search for');
    expect(short.root.activeElement).to.equal(input);
    await expectNoAxeViolations(short.el);
  });

  it('shows that it is searching, and why a search failed with a way to try again', async () => {
    const held = deferred<Response>();
    let calls = 0;
    const { root } = await page('?q=underpass', () => (++calls === 1 ? held.promise : jsonResponse(found)));
    expect(text(root.querySelector('[role=status]'))).to.equal('Loading…');
    expect(root.querySelector('[aria-busy]')!.getAttribute('aria-busy')).to.equal('true');
    held.resolve(errorResponse(500, 'internal', 'Something went wrong'));
    await waitUntil(() => root.querySelector('[role=alert]'), 'no error shown');
    expect(text(root.querySelector('h1'))).to.equal('Sorry, the search could not be done');
    root.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await waitUntil(() => root.querySelector('ol.results'), 'trying again found nothing');
  });
});
