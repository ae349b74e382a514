import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { liveEvents } from '../../../client/live/index.js';
import '../../../client/partnership/map-page.js';
import type { MapPage } from '../../../client/partnership/map-page.js';
import '../../../client/partnership/partnership-map.js';
import type { PartnershipMap } from '../../../client/partnership/partnership-map.js';
import type { BodiesResponse } from '../../../shared/api.js';
import { expectNoAxeViolations } from '../axe.js';
import { bodies, fakeApi, jsonResponse, type FakeApi } from '../fake-api.js';
import { afterEach, describe, it } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Each badge on the diagram: the body it sits on, what it says and where it leads. */
function badges(map: PartnershipMap) {
  return [...map.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.diagram a.badge')].map((badge) => ({
    on: Number(badge.closest('li')!.querySelector('a.box')!.getAttribute('data-body-id')),
    says: text(badge),
    href: badge.getAttribute('href'),
  }));
}

describe('<partnership-map> waiting escalations', () => {
  it('badges each body with escalations waiting, linking to its inbox', async () => {
    const map = await fixture<PartnershipMap>(html`<partnership-map
      .bodies=${bodies}
      .waitingEscalations=${[
        { bodyId: 3, count: 2 },
        { bodyId: 5, count: 1 },
      ]}
    ></partnership-map>`);
    expect(badges(map)).to.deep.equal([
      { on: 3, says: '2 escalations waiting at Charnwood Community Safety Partnership', href: '/bodies/3/escalations' },
      { on: 5, says: '1 escalation waiting at Charnwood JAG', href: '/bodies/5/escalations' },
    ]);
    // Seen as "2 escalations waiting"; the body's name is for those who hear the links listed.
    expect(text(map.shadowRoot!.querySelector('a.badge .visually-hidden'))).to.equal('at Charnwood Community Safety Partnership');
    const jagItem = [...map.shadowRoot!.querySelectorAll('details li')].find(
      (li) => li.querySelector(':scope > a')?.textContent === 'Charnwood JAG',
    )!;
    expect(text(jagItem.querySelector(':scope > a.waiting'))).to.equal('1 escalation waiting at Charnwood JAG');
    expect(jagItem.querySelector(':scope > a.waiting')!.getAttribute('href')).to.equal('/bodies/5/escalations');
  });

  it('shows no badge where nothing waits', async () => {
    const map = await fixture<PartnershipMap>(html`<partnership-map .bodies=${bodies}></partnership-map>`);
    expect(badges(map)).to.deep.equal([]);
    expect(map.shadowRoot!.querySelector('a.waiting')).to.equal(null);
  });

  it('has no accessibility violations with badges, with the list open too', async () => {
    const map = await fixture<PartnershipMap>(html`<partnership-map
      .bodies=${bodies}
      .waitingEscalations=${[{ bodyId: 8, count: 3 }]}
    ></partnership-map>`);
    await expectNoAxeViolations(map);
    map.shadowRoot!.querySelector('details')!.open = true;
    await expectNoAxeViolations(map);
  });
});

describe('<map-page> waiting escalations, live', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  /** Answers GET /api/bodies with whatever `waiting` holds at the time. */
  function bodiesApi(waiting: { current: BodiesResponse['waitingEscalations'] }) {
    api = fakeApi({ 'GET /api/bodies': () => jsonResponse({ bodies, waitingEscalations: waiting.current }) });
    return api;
  }

  const bodyLoads = () => api!.requests.filter((request) => request.path === '/api/bodies').length;

  async function mapPage() {
    const page = await fixture<MapPage>(html`<map-page></map-page>`);
    await waitUntil(() => page.shadowRoot!.querySelector('partnership-map'), 'the map never appeared');
    const map = page.shadowRoot!.querySelector('partnership-map')!;
    await map.updateComplete;
    return { page, map };
  }

  it('shows the badges the server sends', async () => {
    bodiesApi({ current: [{ bodyId: 1, count: 4 }] });
    const { map } = await mapPage();
    expect(badges(map)).to.deep.equal([{ on: 1, says: '4 escalations waiting at Strategic Partnership Board', href: '/bodies/1/escalations' }]);
  });

  it('loads them again when a body’s escalations change, keeping the map on screen', async () => {
    const waiting = { current: [{ bodyId: 3, count: 2 }] };
    bodiesApi(waiting);
    const { page, map } = await mapPage();
    waiting.current = [
      { bodyId: 3, count: 2 },
      { bodyId: 5, count: 1 },
    ];
    liveEvents.deliver('body:changed', { bodyId: 5, list: 'escalations' });
    expect(page.shadowRoot!.querySelector('partnership-map')).to.equal(map);
    await waitUntil(() => badges(map).length === 2, 'the new badge never appeared');
    expect(badges(map)[1]).to.deep.equal({ on: 5, says: '1 escalation waiting at Charnwood JAG', href: '/bodies/5/escalations' });

    waiting.current = [];
    liveEvents.deliver('body:changed', { bodyId: 3, list: 'escalations' });
    await waitUntil(() => badges(map).length === 0, 'the answered escalations still showed');
    expect(bodyLoads()).to.equal(3);
  });

  it('ignores other lists, and bodies the user may not read', async () => {
    bodiesApi({ current: [] });
    await mapPage();
    liveEvents.deliver('body:changed', { bodyId: 5, list: 'actions' });
    // Adults at Risk is confidential and the user is not a member: it is not watched.
    liveEvents.deliver('body:changed', { bodyId: 9, list: 'escalations' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bodyLoads()).to.equal(1);
  });

  it('stops listening when the user leaves the map', async () => {
    bodiesApi({ current: [] });
    const { page } = await mapPage();
    page.remove();
    liveEvents.deliver('body:changed', { bodyId: 5, list: 'escalations' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bodyLoads()).to.equal(1);
  });
});
