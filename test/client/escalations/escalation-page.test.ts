import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../client/escalations/escalation-page.js';
import type { EscalationPage } from '../../../client/escalations/escalation-page.js';
import { liveEvents } from '../../../client/live/index.js';
import type { EscalationResponse, EscalationSummary } from '../../../shared/api.js';
import type { EscalationAnswer } from '../../../shared/escalation.js';
import { expectNoAxeViolations } from '../axe.js';
import { fakeApi, jsonResponse, type FakeApi } from '../fake-api.js';
import { afterEach, describe, it } from '../mocha.js';
import { adoptedAction, escalationBodies, settle, text, youthChain } from './escalation-fixtures.js';

const waiting = youthChain[1]!;
const forChair: EscalationResponse = { escalation: waiting, trail: youthChain, canAnswer: true, escalateTo: escalationBodies.spb };

describe('<escalation-page>', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  /** Serves the escalation; an answer marks it answered, as the server would. */
  function serve(response: EscalationResponse) {
    let current = response;
    const answered = (status: EscalationSummary['status']) => {
      const escalation = { ...waiting, status };
      current = { ...current, escalation, canAnswer: false, trail: [youthChain[0]!, escalation] };
      return escalation;
    };
    api = fakeApi({
      'GET /api/escalations/41': () => jsonResponse(current),
      'POST /api/escalations/41/accept': () => jsonResponse({ escalation: answered('accepted'), action: adoptedAction }),
      'POST /api/escalations/41/return': () => jsonResponse({ escalation: answered('returned') }),
      'POST /api/escalations/41/resolve': () => jsonResponse({ escalation: answered('resolved') }),
      'POST /api/escalations/41/escalate': () => jsonResponse({ escalation: answered('escalated') }),
    });
  }

  async function page() {
    const el = await fixture<EscalationPage>(html`<escalation-page escalation-id="41"></escalation-page>`);
    await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy=true]'), 'the escalation never loaded');
    await el.updateComplete;
    return el;
  }

  async function answerForm(el: EscalationPage) {
    const form = el.shadowRoot!.querySelector('escalation-answer-form')!;
    await form.updateComplete;
    const root = form.shadowRoot!;
    return {
      root,
      choices: () => [...root.querySelectorAll('label.checkbox')].map(text),
      choose: async (answer: EscalationAnswer) => {
        root.querySelector<HTMLInputElement>(`input[value=${answer}]`)!.click();
        await form.updateComplete;
      },
      fill: (fields: Record<string, string>) => {
        for (const [id, value] of Object.entries(fields)) root.querySelector<HTMLTextAreaElement>(`#answer-${id}`)!.value = value;
      },
      submit: async () => {
        root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        await form.updateComplete;
        await settle();
      },
    };
  }

  const posts = () => api!.requests.filter((request) => request.method === 'POST').map(({ path, body }) => ({ path, body }));
  const done = (el: EscalationPage) => waitUntil(() => el.shadowRoot!.querySelector('.done'), 'the answer was never confirmed');

  it('shows what was sent, from where, and the trail', async () => {
    serve({ ...forChair, canAnswer: false });
    const el = await page();
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h1'))).to.equal('Escalation from Charnwood JAG to Charnwood Community Safety Partnership');
    const facts = Object.fromEntries([...root.querySelectorAll('dl.facts dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]));
    expect(facts).to.deep.include({
      Status: 'Awaiting an answer',
      From: 'Charnwood JAG',
      'Origin body': 'Youth JAG',
      Summary: 'Exploitation risk around the station: joint patrols and outreach needed.',
      Reason: 'Cross-agency funding is decided at the CSP.',
    });
    const trail = root.querySelector('escalation-trail')!;
    await trail.updateComplete;
    expect(trail.shadowRoot!.querySelectorAll('li.hop')).to.have.length(2);
    // Someone who may not answer sees no form.
    expect(root.querySelector('escalation-answer-form')).to.equal(null);
    await expectNoAxeViolations(el);
  });

  it('offers the chair four answers, and none to go further from the top', async () => {
    serve(forChair);
    const el = await page();
    const { choices } = await answerForm(el);
    expect(choices()).to.deep.equal([
      'Accept into our action log',
      'Return with guidance',
      'Resolve with an outcome',
      'Escalate further to Strategic Partnership Board',
    ]);
    await expectNoAxeViolations(el);

    api!.restore();
    serve({ ...forChair, escalateTo: null });
    const top = await page();
    expect((await answerForm(top)).choices()).to.not.include('Escalate further to Strategic Partnership Board');
    expect((await answerForm(top)).choices()).to.have.length(3);
  });

  it('accepts with a note, announces it and links to the new action', async () => {
    serve(forChair);
    const el = await page();
    const { fill, submit } = await answerForm(el);
    fill({ note: 'We will fund it.' });
    await submit();
    await done(el);
    expect(posts()).to.deep.equal([{ path: '/api/escalations/41/accept', body: { note: 'We will fund it.' } }]);
    const confirmation = el.shadowRoot!.querySelector('[role=status] .done')!;
    expect(text(confirmation)).to.equal(
      'Accepted into Charnwood Community Safety Partnership’s action log. The new action is CSP-0012: Fund CCTV behind Ashby Road shops.',
    );
    expect(confirmation.querySelector('a')!.getAttribute('href')).to.equal('/bodies/3/actions');
    expect(el.shadowRoot!.activeElement).to.equal(confirmation);
    expect(el.shadowRoot!.querySelector('escalation-answer-form')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('dl.facts dd'))).to.equal('Accepted');
    await expectNoAxeViolations(el);
  });

  it('returns only with guidance', async () => {
    serve(forChair);
    const el = await page();
    const { root, choose, fill, submit } = await answerForm(el);
    await choose('return');
    expect(text(root.querySelector('button[type=submit]'))).to.equal('Return with guidance');
    await submit();
    expect(text(root.querySelector('#answer-guidance-error'))).to.equal('Write the guidance for the body that sent it');
    expect(root.activeElement?.id).to.equal('answer-guidance');
    expect(posts()).to.deep.equal([]);
    fill({ guidance: 'Ask the council’s CCTV team first.' });
    await submit();
    await done(el);
    expect(posts()).to.deep.equal([{ path: '/api/escalations/41/return', body: { guidance: 'Ask the council’s CCTV team first.' } }]);
    expect(text(el.shadowRoot!.querySelector('.done'))).to.equal('Returned to Charnwood JAG with guidance.');
  });

  it('resolves only with an outcome', async () => {
    serve(forChair);
    const el = await page();
    const { root, choose, fill, submit } = await answerForm(el);
    await choose('resolve');
    await submit();
    expect(text(root.querySelector('#answer-outcome-error'))).to.equal('Write the outcome');
    fill({ outcome: 'Patrols agreed with the police.' });
    await submit();
    await done(el);
    expect(posts()).to.deep.equal([{ path: '/api/escalations/41/resolve', body: { outcome: 'Patrols agreed with the police.' } }]);
    expect(text(el.shadowRoot!.querySelector('.done'))).to.equal('Resolved.');
  });

  it('escalates further with a new summary and reason', async () => {
    serve(forChair);
    const el = await page();
    const { root, choose, fill, submit } = await answerForm(el);
    await choose('escalate');
    expect(text(root.querySelector('button[type=submit]'))).to.equal('Escalate to Strategic Partnership Board');
    fill({ summary: 'Station exploitation risk needs board funding.' });
    await submit();
    expect(text(root.querySelector('#answer-reason-error'))).to.equal('Write the reason for escalating');
    expect(root.querySelector('#answer-summary-error')).to.equal(null);
    expect(root.activeElement?.id).to.equal('answer-reason');
    await expectNoAxeViolations(el);
    fill({ reason: 'Beyond the CSP’s budget.' });
    await submit();
    await done(el);
    expect(posts()).to.deep.equal([
      { path: '/api/escalations/41/escalate', body: { summary: 'Station exploitation risk needs board funding.', reason: 'Beyond the CSP’s budget.' } },
    ]);
    expect(text(el.shadowRoot!.querySelector('.done'))).to.equal('Escalated to Strategic Partnership Board.');
  });

  it('says not found for an escalation that is missing or not to be known', async () => {
    api = fakeApi({});
    const el = await page();
    expect(text(el.shadowRoot!.querySelector('h1'))).to.equal('Escalation not found');
    expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('/');
    await expectNoAxeViolations(el);
  });

  it('fetches again when the receiving body’s escalations change', async () => {
    serve({ ...forChair, canAnswer: false });
    await page();
    const gets = () => api!.requests.filter((request) => request.method === 'GET').length;
    expect(gets()).to.equal(1);
    liveEvents.deliver('body:changed', { bodyId: 5, list: 'escalations' });
    liveEvents.deliver('body:changed', { bodyId: 3, list: 'actions' });
    await settle();
    expect(gets()).to.equal(1);
    liveEvents.deliver('body:changed', { bodyId: 3, list: 'escalations' });
    await waitUntil(() => gets() === 2);
  });
});
