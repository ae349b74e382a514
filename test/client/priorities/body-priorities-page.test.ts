import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../client/priorities/index.js';
import type { BodyPrioritiesPage } from '../../../client/priorities/body-priorities-page.js';
import { liveEvents } from '../../../client/live/index.js';
import type { BodyDetailResponse, BodyPrioritiesResponse } from '../../../shared/api.js';
import { expectNoAxeViolations } from '../axe.js';
import { adultsAtRiskRestricted, errorResponse, fakeApi, jagDetail, jsonResponse, type FakeApi } from '../fake-api.js';
import { afterEach, describe, it } from '../mocha.js';
import { jagPriorities, jag, received, repeatAsb } from './priority-fixtures.js';

const text = (el: Node | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const asMember: BodyDetailResponse = jagDetail.access === 'full' ? { ...jagDetail, body: { ...jagDetail.body, myRole: 'member' } } : jagDetail;

describe('<body-priorities-page>', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  async function page(priorities: () => BodyPrioritiesResponse = () => jagPriorities, detail: BodyDetailResponse = jagDetail, extra = {}) {
    api = fakeApi({
      'GET /api/bodies/5': () => jsonResponse(detail),
      'GET /api/bodies/5/priorities': () => jsonResponse(priorities()),
      ...extra,
    });
    const el = await fixture<BodyPrioritiesPage>(html`<body-priorities-page body-id="5"></body-priorities-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('#received-heading'), 'the priorities never loaded');
    const root = el.shadowRoot!;
    await root.querySelector('publish-priority-form')?.updateComplete;
    return { el, root };
  }
  const gets = () => api!.requests.filter((request) => request.method === 'GET' && request.path === '/api/bodies/5/priorities').length;
  const receivedItems = (root: ShadowRoot) => [...root.querySelectorAll('section[aria-labelledby=received-heading] li.priority')];

  it('lists the priorities received, with where they came from, theme, period and who acknowledged them', async () => {
    const { el, root } = await page();
    expect(text(root.querySelector('h1'))).to.equal('JAG priorities');
    const [first, second] = receivedItems(root);
    expect(text(first!.querySelector('h3'))).to.equal('Reduce repeat anti-social behaviour');
    expect(first!.querySelector('h3 a')!.getAttribute('href')).to.equal('/priorities/41');
    expect(text(first)).to.contain('From Charnwood Community Safety Partnership · Theme: ASB · Period: 2026 to 2027');
    expect(text(first)).to.contain('Cut repeat calls about the same places by a quarter.').and.contain('Not acknowledged yet');
    expect(text(second)).to.contain('From Charnwood Community Safety Partnership').and.not.contain('Theme:');
    expect(text(second)).to.contain('Acknowledged by Priya Shah on 09/10/2026');
    // The chair acknowledges what is not yet acknowledged, and only that.
    expect(first!.querySelector('acknowledge-priority-button')).to.exist;
    expect(second!.querySelector('acknowledge-priority-button')).to.equal(null);
    await expectNoAxeViolations(el);
  });

  it('links to each priority sent down, and offers the chair the form to publish another', async () => {
    const { root } = await page();
    const sent = root.querySelector('section[aria-labelledby=sent-heading] li.priority')!;
    expect(sent.querySelector('a')!.getAttribute('href')).to.equal('/priorities/51');
    expect(text(sent)).to.contain('Young people safe in the parks').and.contain('Published by Priya Shah on 20/11/2026 to Youth JAG, People Zone People Group');
    const form = root.querySelector('publish-priority-form')!.shadowRoot!;
    expect(text(form.querySelector('h2'))).to.equal('Publish a priority');
    expect(text(form.querySelector('legend'))).to.equal('Route to');
    expect([...form.querySelectorAll('fieldset label')].map(text)).to.deep.equal(['All bodies below', 'Youth JAG', 'Adults at Risk', 'People Zone People Group']);
  });

  it('shows a member neither the Acknowledge button nor the publish form', async () => {
    const { root } = await page(() => ({ ...jagPriorities, canPublish: false }), asMember);
    expect(root.querySelector('acknowledge-priority-button')).to.equal(null);
    expect(root.querySelector('publish-priority-form')).to.equal(null);
  });

  it('says when there is nothing received or sent yet', async () => {
    const { el, root } = await page(() => ({ received: [], sent: [], canPublish: false, below: [] }));
    expect(text(root.querySelector('section[aria-labelledby=received-heading]'))).to.contain('No priorities have been routed to JAG yet.');
    expect(text(root.querySelector('section[aria-labelledby=sent-heading]'))).to.contain('JAG has not sent any priorities.');
    await expectNoAxeViolations(el);
  });

  it('acknowledges a priority for the body, says so and shows it acknowledged', async () => {
    let acknowledged = false;
    const { el, root } = await page(
      () => ({ ...jagPriorities, received: [{ ...received[0]!, ...(acknowledged ? { acknowledgedAt: '2026-11-22T10:00:00.000Z', acknowledgedBy: { id: 7, name: 'Priya Shah' } } : {}) }, received[1]!] }),
      jagDetail,
      { 'POST /api/priorities/41/acknowledge': () => ((acknowledged = true), jsonResponse({ ok: true })) },
    );
    const button = receivedItems(root)[0]!.querySelector('acknowledge-priority-button')!;
    await button.updateComplete;
    const press = button.shadowRoot!.querySelector('button')!;
    expect(text(press)).to.equal('Acknowledge: Reduce repeat anti-social behaviour');
    press.click();
    await waitUntil(() => text(receivedItems(root)[0]).includes('Acknowledged by Priya Shah on 22/11/2026'), 'never shown acknowledged');
    const post = api!.requests.find((request) => request.method === 'POST')!;
    expect(post.path).to.equal('/api/priorities/41/acknowledge');
    expect(post.body).to.deep.equal({ bodyId: 5 });
    expect(text(root.querySelector('p.visually-hidden[role=status]'))).to.equal('Acknowledged: Reduce repeat anti-social behaviour');
    expect(receivedItems(root)[0]!.querySelector('acknowledge-priority-button')).to.equal(null);
    expect(root.activeElement).to.equal(receivedItems(root)[0]!.querySelector('h3 a'));
    await expectNoAxeViolations(el);
  });

  it('says why a priority could not be acknowledged', async () => {
    const { root } = await page(undefined, jagDetail, {
      'POST /api/priorities/41/acknowledge': () => errorResponse(403, 'forbidden', 'Only the chair or vice-chair can acknowledge a priority'),
    });
    const button = receivedItems(root)[0]!.querySelector('acknowledge-priority-button')!;
    await button.updateComplete;
    button.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => button.shadowRoot!.querySelector('[role=alert]'), 'no error shown');
    expect(text(button.shadowRoot!.querySelector('[role=alert]'))).to.equal('Only the chair or vice-chair can acknowledge a priority');
  });

  it('checks the publish form before sending, naming each problem beside its field', async () => {
    const { el, root } = await page();
    const formEl = root.querySelector('publish-priority-form')!;
    const form = formEl.shadowRoot!;
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => form.querySelector('.field-error'), 'no errors shown');
    expect([...form.querySelectorAll('.field-error')].map(text)).to.deep.equal([
      'Write the priority’s title',
      'Write the description',
      'Choose at least one body to route it to',
    ]);
    expect(form.querySelector('#priority-title')!.getAttribute('aria-invalid')).to.equal('true');
    expect(form.querySelector('#priority-title')!.getAttribute('aria-describedby')).to.equal('priority-title-error');
    expect(formEl.shadowRoot!.activeElement?.id).to.equal('priority-title');
    expect(api!.requests.some((request) => request.method === 'POST')).to.equal(false);
    await expectNoAxeViolations(el);
  });

  it('publishes a priority to the bodies chosen, says so and lists it as sent', async () => {
    let published = false;
    const created = { ...repeatAsb, id: 52, body: jag, title: 'Safer routes to school', targets: [] };
    const { root } = await page(() => (published ? { ...jagPriorities, sent: [...jagPriorities.sent, created] } : jagPriorities), jagDetail, {
      'POST /api/bodies/5/priorities': () => ((published = true), jsonResponse({ priority: created }, 201)),
    });
    const form = root.querySelector('publish-priority-form')!.shadowRoot!;
    const type = (selector: string, value: string) => {
      const control = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
      control.value = value;
      control.dispatchEvent(new Event('input'));
    };
    type('#priority-title', '  Safer routes to school ');
    type('#priority-description', 'Crossings and patrols at school times.');
    type('#priority-theme', 'Roads');
    type('#priority-period', '2027');
    const targets = [...form.querySelectorAll<HTMLInputElement>('input[name=target]')];
    targets[0]!.click();
    targets[2]!.click();
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => text(root.querySelector('section[aria-labelledby=sent-heading]')).includes('Safer routes to school'), 'never listed as sent');
    const post = api!.requests.find((request) => request.method === 'POST')!;
    expect(post.path).to.equal('/api/bodies/5/priorities');
    expect(post.body).to.deep.equal({
      title: 'Safer routes to school',
      description: 'Crossings and patrols at school times.',
      theme: 'Roads',
      period: '2027',
      targetBodyIds: [8, 10],
    });
    expect(text(root.querySelector('p.visually-hidden[role=status]'))).to.equal('Priority published: Safer routes to school');
    expect(form.querySelector<HTMLInputElement>('#priority-title')!.value).to.equal('');
    expect(form.activeElement?.id).to.equal('priority-title');
  });

  it('says why the server would not publish it', async () => {
    const { root } = await page(undefined, jagDetail, {
      'POST /api/bodies/5/priorities': () => errorResponse(400, 'validation_failed', 'Adults at Risk is not below Charnwood JAG'),
    });
    const formEl = root.querySelector('publish-priority-form')!;
    const form = formEl.shadowRoot!;
    form.querySelector<HTMLInputElement>('#priority-title')!.value = 'Everyone';
    form.querySelector<HTMLTextAreaElement>('#priority-description')!.value = 'All of you.';
    form.querySelector<HTMLInputElement>('input[name=target]')!.click();
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => form.querySelector('.error-panel[role=alert]'), 'no error shown');
    expect(text(form.querySelector('.error-panel'))).to.equal('Adults at Risk is not below Charnwood JAG');
    expect(form.activeElement).to.equal(form.querySelector('.error-panel'));
    expect(form.querySelector<HTMLInputElement>('#priority-title')!.value).to.equal('Everyone');
  });

  it('routes to every body below with "All bodies below"', async () => {
    const { root } = await page(undefined, jagDetail, { 'POST /api/bodies/5/priorities': () => jsonResponse({ priority: repeatAsb }, 201) });
    const formEl = root.querySelector('publish-priority-form')!;
    const form = formEl.shadowRoot!;
    form.querySelector<HTMLInputElement>('#priority-title')!.value = 'Everyone';
    form.querySelector<HTMLTextAreaElement>('#priority-description')!.value = 'All of you.';
    form.querySelector<HTMLInputElement>('#priority-route-all')!.click();
    await formEl.updateComplete;
    expect([...form.querySelectorAll<HTMLInputElement>('input[name=target]')].every((box) => box.checked && box.disabled)).to.equal(true);
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => api!.requests.some((request) => request.method === 'POST'), 'never sent');
    expect((api!.requests.find((request) => request.method === 'POST')!.body as { targetBodyIds: unknown }).targetBodyIds).to.equal('all');
    // Published: the page fetches its lists again; let it finish before the next test's fake takes over.
    await waitUntil(() => gets() === 2, 'never fetched again');
  });

  it('fetches again when someone else publishes or acknowledges, and not for other lists or bodies', async () => {
    let title = 'Reduce repeat anti-social behaviour';
    const { root } = await page(() => ({ ...jagPriorities, received: [{ ...received[0]!, title }] }));
    expect(gets()).to.equal(1);
    liveEvents.deliver('body:changed', { bodyId: 5, list: 'actions' });
    liveEvents.deliver('body:changed', { bodyId: 3, list: 'priorities' });
    expect(gets()).to.equal(1);
    title = 'Reduce repeat ASB, everywhere';
    liveEvents.deliver('body:changed', { bodyId: 5, list: 'priorities' });
    await waitUntil(() => text(receivedItems(root)[0]).includes('Reduce repeat ASB, everywhere'), 'never refreshed');
    expect(gets()).to.equal(2);
  });

  it('says why the priorities could not be loaded, and tries again', async () => {
    let fail = true;
    api = fakeApi({
      'GET /api/bodies/5': () => jsonResponse(jagDetail),
      'GET /api/bodies/5/priorities': () => (fail ? errorResponse(500, 'internal', 'The database is busy') : jsonResponse(jagPriorities)),
    });
    const el = await fixture<BodyPrioritiesPage>(html`<body-priorities-page body-id="5"></body-priorities-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'no error shown');
    expect(text(el.shadowRoot!.querySelector('h1'))).to.equal('Sorry, the priorities could not be loaded');
    expect(text(el.shadowRoot!.querySelector('[role=alert]'))).to.contain('The database is busy');
    await expectNoAxeViolations(el);
    fail = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('#received-heading'), 'never loaded on retry');
  });

  it('tells someone outside a confidential body only that it is confidential', async () => {
    api = fakeApi({ 'GET /api/bodies/9': () => jsonResponse(adultsAtRiskRestricted) });
    const el = await fixture<BodyPrioritiesPage>(html`<body-priorities-page body-id="9"></body-priorities-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role=note]'), 'no notice shown');
    expect(text(el.shadowRoot!.querySelector('[role=note]'))).to.contain('Only members of Adults at Risk can see its priorities.');
    expect(api.requests.map((request) => request.path)).to.deep.equal(['/api/bodies/9']);
    await expectNoAxeViolations(el);
  });
});
