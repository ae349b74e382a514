import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../client/partnership/body-page.js';
import type { BodyPage } from '../../../client/partnership/body-page.js';
import { formatDateTime } from '../../../shared/dates.js';
import { expectNoAxeViolations } from '../axe.js';
import {
  adultsAtRiskRestricted,
  bodiesResponse,
  bodyById,
  deferred,
  errorResponse,
  fakeApi,
  jagDetail,
  jsonResponse,
  type FakeApi,
} from '../fake-api.js';
import { describe, it, afterEach } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<body-page>', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  function serve(detailFor: Record<number, () => Response | Promise<Response>>) {
    const handlers: Record<string, () => Response | Promise<Response>> = {
      'GET /api/bodies': () => jsonResponse(bodiesResponse),
    };
    for (const [id, handler] of Object.entries(detailFor)) handlers[`GET /api/bodies/${id}`] = handler;
    api = fakeApi(handlers);
  }

  async function loaded(bodyId: number) {
    const el = await fixture<BodyPage>(html`<body-page body-id=${bodyId}></body-page>`);
    await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy=true]'), 'the body never loaded');
    await el.updateComplete;
    return el;
  }

  it('says it is loading until the body arrives', async () => {
    const answer = deferred<Response>();
    serve({ 5: () => answer.promise });
    const el = await fixture<BodyPage>(html`<body-page body-id="5"></body-page>`);
    expect(text(el.shadowRoot!.querySelector('[role=status]'))).to.equal('Loading…');
    expect(el.shadowRoot!.querySelector('[aria-busy=true]')).to.exist;
    answer.resolve(jsonResponse(jagDetail));
    await waitUntil(() => text(el.shadowRoot!.querySelector('h1')) === 'Charnwood JAG');
  });

  it('describes the body and links to where it escalates', async () => {
    serve({ 5: () => jsonResponse(jagDetail) });
    const el = await loaded(5);
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h1'))).to.equal('Charnwood JAG');
    expect(text(root.querySelector('.caption'))).to.equal('Joint Action Group');
    const summary = Object.fromEntries(
      [...root.querySelectorAll('dl.summary dt')].map((dt) => {
        const dd = dt.nextElementSibling!;
        const items = [...dd.querySelectorAll('li')].map(text);
        return [text(dt), items.length > 0 ? items.join('; ') : text(dd)];
      }),
    );
    expect(summary).to.deep.equal({
      Type: 'Joint Action Group',
      Tier: '3 – Tactical',
      Meets: 'Monthly',
      'Escalates to': 'Charnwood Community Safety Partnership',
      'Escalations from': 'Youth JAG; Adults at Risk; People Zone People Group; People Zone Place Group',
      'Your role': 'Chair',
    });
    const escalatesTo = root.querySelector<HTMLAnchorElement>('dl.summary a')!;
    expect(escalatesTo.getAttribute('href')).to.equal('/bodies/3');
    expect(root.querySelector('.badge.confidential')).to.equal(null);
  });

  it('links to the body’s action log, escalations (with how many await an answer), priorities and minutes archive', async () => {
    api = fakeApi({
      'GET /api/bodies': () => jsonResponse({ ...bodiesResponse, waitingEscalations: [{ bodyId: 5, count: 2 }] }),
      'GET /api/bodies/5': () => jsonResponse(jagDetail),
    });
    const el = await loaded(5);
    const links = [...el.shadowRoot!.querySelectorAll('.body-links li')].map((li) => [text(li), li.querySelector('a')!.getAttribute('href')]);
    expect(links).to.deep.equal([
      ['JAG action log', '/bodies/5/actions'],
      ['JAG escalations (2 awaiting an answer)', '/bodies/5/escalations'],
      ['JAG priorities', '/bodies/5/priorities'],
      ['JAG minutes archive', '/bodies/5/minutes'],
    ]);
    await expectNoAxeViolations(el);
  });

  it('keeps a confidential body’s escalations and priorities from non-members', async () => {
    serve({ 9: () => jsonResponse(adultsAtRiskRestricted) });
    const el = await loaded(9);
    expect(el.shadowRoot!.querySelector('.body-links')).to.equal(null);
  });

  it('lists members by agency with their roles', async () => {
    serve({ 5: () => jsonResponse(jagDetail) });
    const el = await loaded(5);
    const members = el.shadowRoot!.querySelector('body-members')!;
    await members.updateComplete;
    const section = members.shadowRoot!.querySelector('section[aria-labelledby=members-heading]')!;
    expect(text(section.querySelector('.agency-count'))).to.equal('6 members from 4 agencies');
    const groups = [...section.querySelectorAll('h3')].map((h3) => [
      text(h3),
      [...h3.nextElementSibling!.querySelectorAll('li')].map(text),
    ]);
    expect(groups).to.deep.equal([
      ['Charnwood Borough Council', ['Priya Shah Chair', 'Alice Carter Secretariat']],
      ['Charnwood Housing', ['Jo Brown Observer']],
      ['Leicestershire Fire and Rescue Service', ['Sam Patel Member']],
      ['Leicestershire Police', ['Insp. Tom Hughes Vice-chair', 'PC Dan Moore Member']],
    ]);
  });

  it('splits meetings into upcoming (soonest first) and past (latest first), in UK time', async () => {
    serve({ 5: () => jsonResponse(jagDetail) });
    const el = await loaded(5);
    const meetingsUnder = (headingId: string) =>
      [...el.shadowRoot!.querySelectorAll(`section[aria-labelledby=${headingId}] li`)].map(text);
    expect(meetingsUnder('upcoming-heading')).to.deep.equal([
      `JAG January meeting, 14/01/2099 ${formatDateTime('2099-01-14T10:00:00.000Z')} Southfields, Loughborough Scheduled`,
      `JAG July meeting, 16/07/2099 ${formatDateTime('2099-07-16T09:30:00.000Z')} Southfields, Loughborough Scheduled`,
    ]);
    // British Summer Time: 09:30 UTC is 10:30 on the wall.
    expect(formatDateTime('2099-07-16T09:30:00.000Z')).to.equal('Thu 16/07/2099, 10:30');
    expect(meetingsUnder('past-heading')).to.deep.equal([
      'JAG December meeting, 10/12/2020 Thu 10/12/2020, 10:00 Southfields, Loughborough Closed',
      'JAG November meeting, 12/11/2020 Thu 12/11/2020, 10:00 Southfields, Loughborough Closed',
    ]);
  });

  it('tells non-members of a confidential body that its business is private', async () => {
    serve({ 9: () => jsonResponse(adultsAtRiskRestricted) });
    const el = await loaded(9);
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h1'))).to.equal('Adults at Risk');
    expect(text(root.querySelector('.badge.confidential'))).to.equal('Confidential');
    expect(text(root.querySelector('.notice'))).to.equal(
      'This is a confidential body. Only its members can see its members and meetings.',
    );
    expect(root.querySelector('#members-heading')).to.equal(null);
    expect(root.querySelector('#upcoming-heading')).to.equal(null);
    expect(text(root.querySelector('dl.summary a'))).to.equal('Charnwood JAG');
    await expectNoAxeViolations(el);
  });

  it('says so when there is no such body', async () => {
    serve({});
    const el = await loaded(404);
    expect(text(el.shadowRoot!.querySelector('h1'))).to.equal('Body not found');
    expect(el.shadowRoot!.querySelector('a[href="/map"]')).to.exist;
    await expectNoAxeViolations(el);
  });

  it('asks the app to sign in again when the session has expired', async () => {
    api = fakeApi({
      'GET /api/bodies': () => errorResponse(401, 'unauthenticated', 'Sign in to continue.'),
      'GET /api/bodies/5': () => errorResponse(401, 'unauthenticated', 'Sign in to continue.'),
    });
    const el = document.createElement('body-page');
    el.bodyId = 5;
    const expired = oneEvent(el, 'session-expired');
    await fixture(el);
    await expired;
  });

  it('names itself for the document title once loaded', async () => {
    serve({ 5: () => jsonResponse(jagDetail) });
    const el = document.createElement('body-page');
    el.bodyId = 5;
    const titled = oneEvent(el, 'page-title');
    await fixture(el);
    expect((await titled).detail).to.equal('Charnwood JAG');
  });

  it('links each meeting to its workspace', async () => {
    serve({ 5: () => jsonResponse(jagDetail) });
    const el = await loaded(5);
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a.meeting-title')!;
    expect(text(link)).to.equal('JAG January meeting, 14/01/2099');
    expect(link.getAttribute('href')).to.equal('/meetings/104');
  });

  it('tells two meetings of the same title apart by their dates', async () => {
    if (jagDetail.access !== 'full') throw new Error('The fixture shows the JAG in full');
    const [july, january] = [jagDetail.meetings[2]!, jagDetail.meetings[3]!];
    const twins = { ...jagDetail, meetings: [july, { ...january, title: july.title }] };
    serve({ 5: () => jsonResponse(twins) });
    const el = await loaded(5);
    const titles = [...el.shadowRoot!.querySelectorAll('a.meeting-title')].map(text);
    expect(titles).to.deep.equal(['JAG July meeting, 14/01/2099', 'JAG July meeting, 16/07/2099']);
  });

  it('offers a failed load again, with the server’s message', async () => {
    let calls = 0;
    serve({ 5: () => (++calls === 1 ? errorResponse(500, 'internal', 'The database is busy') : jsonResponse(jagDetail)) });
    const el = await loaded(5);
    expect(text(el.shadowRoot!.querySelector('h1'))).to.equal('Sorry, this body could not be loaded');
    expect(text(el.shadowRoot!.querySelector('[role=alert] p'))).to.equal('The database is busy');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await waitUntil(() => text(el.shadowRoot!.querySelector('h1')) === 'Charnwood JAG');
  });

  it('offers a chair the schedule-meeting form for this body', async () => {
    serve({ 5: () => jsonResponse(jagDetail) });
    const el = await loaded(5);
    expect(el.shadowRoot!.querySelector('schedule-meeting-form')!.bodyId).to.equal(5);
  });

  it('offers scheduling only to those who manage the body’s meetings', async () => {
    serve({ 3: () => jsonResponse({ ...jagDetail, body: bodyById(3) }) });
    const el = await loaded(3);
    expect(el.shadowRoot!.querySelector('schedule-meeting-form')).to.equal(null);
  });

  it('has no accessibility violations', async () => {
    serve({ 5: () => jsonResponse(jagDetail) });
    const el = await loaded(5);
    await expectNoAxeViolations(el);
  });
});
