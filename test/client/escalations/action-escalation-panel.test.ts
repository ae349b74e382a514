import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../client/escalations/action-escalation-panel.js';
import type { ActionEscalationPanel } from '../../../client/escalations/action-escalation-panel.js';
import { liveEvents } from '../../../client/live/index.js';
import type { ActionEscalationsResponse } from '../../../shared/api.js';
import { expectNoAxeViolations } from '../axe.js';
import { errorResponse, fakeApi, jsonResponse, type FakeApi } from '../fake-api.js';
import { afterEach, describe, it } from '../mocha.js';
import { acceptedHop, escalationBodies, hop, settle, text } from './escalation-fixtures.js';

const PATH = '/api/bodies/5/actions/a1/escalations';
const notEscalated: ActionEscalationsResponse = { trails: [], escalateTo: escalationBodies.csp, canEscalate: true };

describe('<action-escalation-panel>', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  async function panel() {
    const el = await fixture<ActionEscalationPanel>(
      html`<action-escalation-panel body-id="5" action-id="a1" .status=${'open'}></action-escalation-panel>`,
    );
    await waitUntil(() => !el.shadowRoot!.querySelector('.status'), 'the escalations never loaded');
    await el.updateComplete;
    return el;
  }

  const gets = () => api!.requests.filter((request) => request.method === 'GET').length;

  it('offers the chair the button that escalates to the tier above', async () => {
    api = fakeApi({ [`GET ${PATH}`]: () => jsonResponse(notEscalated) });
    const el = await panel();
    expect(text(el.shadowRoot!.querySelector('p'))).to.equal('This action has not been escalated.');
    expect(text(el.shadowRoot!.querySelector('button'))).to.equal('Escalate to Charnwood Community Safety Partnership');
    await expectNoAxeViolations(el);
  });

  it('does not offer a member the button', async () => {
    api = fakeApi({ [`GET ${PATH}`]: () => jsonResponse({ ...notEscalated, canEscalate: false }) });
    const el = await panel();
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    expect(el.shadowRoot!.querySelector('escalate-dialog')).to.equal(null);
  });

  it('says where an escalated action stands and shows its trail', async () => {
    api = fakeApi({ [`GET ${PATH}`]: () => jsonResponse({ trails: [[acceptedHop]], escalateTo: escalationBodies.csp, canEscalate: false }) });
    const el = await panel();
    expect(text(el.shadowRoot!.querySelector('.where'))).to.equal('Accepted by Charnwood Community Safety Partnership as CSP-0012');
    const trail = el.shadowRoot!.querySelector('escalation-trail')!;
    await trail.updateComplete;
    expect(trail.shadowRoot!.querySelectorAll('li.hop')).to.have.length(1);
    await expectNoAxeViolations(el);
  });

  it('checks the dialog’s fields, sends the summary and reason, announces it and shows where it went', async () => {
    let current = notEscalated;
    const sent = hop({ id: 50 });
    api = fakeApi({
      [`GET ${PATH}`]: () => jsonResponse(current),
      'POST /api/actions/a1/escalations': () => {
        current = { trails: [[sent]], escalateTo: escalationBodies.csp, canEscalate: false };
        return jsonResponse({ escalation: sent }, 201);
      },
    });
    const el = await panel();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    const dialogEl = el.shadowRoot!.querySelector('escalate-dialog')!;
    await waitUntil(() => dialogEl.shadowRoot!.querySelector('dialog')!.open, 'the dialog never opened');
    const root = dialogEl.shadowRoot!;
    expect(text(root.querySelector('h2'))).to.equal('Escalate to Charnwood Community Safety Partnership');
    expect(text(root.querySelector('#escalate-summary-hint'))).to.contain('only this summary and the reason are shared, never the action’s own details');
    expect(text(root.querySelector('#escalate-summary-hint'))).to.contain('Up to 2,000 characters.');
    expect(root.querySelector('#escalate-summary')!.getAttribute('maxlength')).to.equal('2000');
    expect(root.querySelector('#escalate-reason')!.getAttribute('maxlength')).to.equal('1000');
    await expectNoAxeViolations(el);

    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await dialogEl.updateComplete;
    await settle();
    expect(text(root.querySelector('#escalate-summary-error'))).to.equal('Write the summary for the receiving body');
    expect(text(root.querySelector('#escalate-reason-error'))).to.equal('Write the reason for escalating');
    expect(root.querySelector('#escalate-summary')!.getAttribute('aria-invalid')).to.equal('true');
    expect(root.activeElement?.id).to.equal('escalate-summary');
    expect(api.requests.filter((request) => request.method === 'POST')).to.deep.equal([]);

    root.querySelector<HTMLTextAreaElement>('#escalate-summary')!.value = '  Fly-tipping needs CCTV funding. ';
    root.querySelector<HTMLTextAreaElement>('#escalate-reason')!.value = 'No budget for cameras.';
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.where'), 'the panel never showed the escalation');
    const post = api.requests.find((request) => request.method === 'POST')!;
    expect(post.body).to.deep.equal({ summary: '  Fly-tipping needs CCTV funding. ', reason: 'No budget for cameras.', bodyId: 5 });
    expect(root.querySelector('dialog')!.open).to.equal(false);
    expect(text(el.shadowRoot!.querySelector('[role=status]'))).to.equal('Escalated to Charnwood Community Safety Partnership');
    expect(text(el.shadowRoot!.querySelector('.where'))).to.equal('Escalated to Charnwood Community Safety Partnership — awaiting an answer');
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    await expectNoAxeViolations(el);
  });

  it('shows the server’s refusal in the dialog', async () => {
    api = fakeApi({
      [`GET ${PATH}`]: () => jsonResponse(notEscalated),
      'POST /api/actions/a1/escalations': () => errorResponse(403, 'forbidden', 'Only the chair or vice-chair may escalate an action'),
    });
    const el = await panel();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    const dialogEl = el.shadowRoot!.querySelector('escalate-dialog')!;
    await waitUntil(() => dialogEl.shadowRoot!.querySelector('dialog')!.open);
    const root = dialogEl.shadowRoot!;
    root.querySelector<HTMLTextAreaElement>('#escalate-summary')!.value = 'Summary';
    root.querySelector<HTMLTextAreaElement>('#escalate-reason')!.value = 'Reason';
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => root.querySelector('[role=alert]'));
    expect(text(root.querySelector('[role=alert]'))).to.equal('Only the chair or vice-chair may escalate an action');
    expect(root.querySelector('dialog')!.open).to.equal(true);
  });

  it('fetches again when the body’s escalations or actions change, and not for another body', async () => {
    api = fakeApi({ [`GET ${PATH}`]: () => jsonResponse(notEscalated) });
    await panel();
    expect(gets()).to.equal(1);
    liveEvents.deliver('body:changed', { bodyId: 3, list: 'escalations' });
    liveEvents.deliver('body:changed', { bodyId: 5, list: 'meetings' });
    await settle();
    expect(gets()).to.equal(1);
    liveEvents.deliver('body:changed', { bodyId: 5, list: 'escalations' });
    await waitUntil(() => gets() === 2);
    liveEvents.deliver('body:changed', { bodyId: 5, list: 'actions' });
    await waitUntil(() => gets() === 3);
  });
});
