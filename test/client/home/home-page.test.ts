import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../client/home/index.js';
import type { HomePage } from '../../../client/home/home-page.js';
import type { HomeResponse } from '../../../shared/api.js';
import { formatDateTime } from '../../../shared/dates.js';
import { expectNoAxeViolations } from '../axe.js';
import { errorResponse, fakeApi, homeResponse, jsonResponse, type FakeApi } from '../fake-api.js';
import { describe, it, afterEach } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<home-page>', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  async function loaded(home: HomeResponse = homeResponse) {
    api = fakeApi({ 'GET /api/me/home': () => jsonResponse(home) });
    const el = await fixture<HomePage>(html`<home-page></home-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('home-meetings'), 'the home page never loaded');
    const part = <K extends 'home-meetings' | 'home-actions' | 'body-accountability'>(tag: K) =>
      el.shadowRoot!.querySelector(tag)?.shadowRoot ?? null;
    for (const tag of ['home-meetings', 'home-actions', 'body-accountability'] as const) await el.shadowRoot!.querySelector(tag)?.updateComplete;
    return { el, part };
  }

  it('offers to join the meeting that is live now', async () => {
    const { part } = await loaded();
    const live = part('home-meetings')!.querySelector('.live-meetings li')!;
    const join = live.querySelector<HTMLAnchorElement>('a.join')!;
    expect(text(join)).to.equal('Join Charnwood JAG — December 2026, 01/12/2026');
    expect(join.getAttribute('href')).to.equal('/meetings/105');
  });

  it('lists the next meetings with their dates, so two of one title are told apart, in UK time', async () => {
    const { part } = await loaded();
    const rows = [...part('home-meetings')!.querySelectorAll('.next-meetings li')].map(text);
    expect(rows).to.deep.equal([
      `JAG July meeting, 16/07/2099 ${formatDateTime('2099-07-16T09:30:00.000Z')} Charnwood JAG Southfields, Loughborough`,
      `JAG July meeting, 30/07/2099 ${formatDateTime('2099-07-30T09:30:00.000Z')} Charnwood JAG Southfields, Loughborough`,
    ]);
    expect(formatDateTime('2099-07-16T09:30:00.000Z')).to.equal('Thu 16/07/2099, 10:30');
  });

  it('counts my outstanding and overdue actions, shows the first few and links to My actions', async () => {
    const { part } = await loaded();
    const mine = part('home-actions')!;
    expect(text(mine.querySelector('.counts'))).to.equal('You have 7 outstanding actions, 2 overdue.');
    expect([...mine.querySelectorAll('li')].map(text)).to.deep.equal([
      'JAG-0001: Close the alleyway on Ashby Road Charnwood JAG Overdue, was due 01/10/2020',
      'JAG-0002: Report on hotspot patrols Charnwood JAG Due 05/01/2099',
    ]);
    const all = mine.querySelector<HTMLAnchorElement>('a[href="/my-actions"]')!;
    expect(text(all)).to.equal('See all 7 in My actions');
  });

  it('shows a chair who holds the overdue actions of their body, by owner and by lead agency', async () => {
    const { part } = await loaded();
    const accountability = part('body-accountability')!;
    expect(text(accountability.querySelector('h2'))).to.equal('Overdue actions in the bodies you run');
    const tables = [...accountability.querySelectorAll('table')].map((table) => ({
      caption: text(table.querySelector('caption')),
      rows: [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map(text).join(' ')),
    }));
    expect(tables).to.deep.equal([
      { caption: 'By owner, Charnwood JAG', rows: ['PC Dan Moore 2', 'No owner 1'] },
      { caption: 'By lead agency, Charnwood JAG', rows: ['Leicestershire Police 2', 'Charnwood Borough Council 1'] },
    ]);
    expect(accountability.querySelector('a[href="/bodies/5/actions"]')).to.exist;
  });

  it('shows no accountability section to someone who runs no body, and says when nothing is scheduled', async () => {
    const { el, part } = await loaded({ liveMeetings: [], nextMeetings: [], myActions: { outstanding: 0, overdue: 0, first: [] }, accountability: [] });
    expect(el.shadowRoot!.querySelector('body-accountability')).to.equal(null);
    expect(part('home-meetings')!.querySelector('.live-meetings')).to.equal(null);
    expect(text(part('home-meetings')!.querySelector('p'))).to.equal('None of your bodies has a meeting scheduled.');
    expect(text(part('home-actions')!.querySelector('.counts'))).to.equal('You have no outstanding actions.');
    await expectNoAxeViolations(el);
  });

  it('asks the app to sign in again when the session has expired, and offers a failed load again', async () => {
    let calls = 0;
    api = fakeApi({
      'GET /api/me/home': () =>
        ++calls === 1 ? errorResponse(401, 'unauthenticated', 'Sign in to continue.') : jsonResponse(homeResponse),
    });
    const el = document.createElement('home-page');
    const expired = oneEvent(el, 'session-expired');
    await fixture(el);
    await expired;
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'));
    expect(text(el.shadowRoot!.querySelector('[role=alert] p'))).to.equal('Sign in to continue.');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('home-meetings'));
  });

  it('has no accessibility violations', async () => {
    const { el } = await loaded();
    await expectNoAxeViolations(el);
  });
});
