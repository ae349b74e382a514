import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../client/meeting/minutes-lifecycle-panel.js';
import type { MinutesLifecyclePanel } from '../../../client/meeting/minutes-lifecycle-panel.js';
import type { MinutesStatusView } from '../../../shared/minutes-api.js';
import { expectNoAxeViolations } from '../axe.js';
import { deferred, errorResponse, fakeApi, jsonResponse, type FakeApi } from '../fake-api.js';
import { afterEach, describe, it } from '../mocha.js';
import { minutesStatus } from './minutes-fixtures.js';

const text = (el: Element | ShadowRoot | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<minutes-lifecycle-panel>', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  async function panel(status: MinutesStatusView) {
    const el = await fixture<MinutesLifecyclePanel>(html`<minutes-lifecycle-panel .status=${status}></minutes-lifecycle-panel>`);
    return { el, root: el.shadowRoot! };
  }
  const buttons = (root: ShadowRoot) => [...root.querySelectorAll<HTMLButtonElement>('[role=group] button')];
  const button = (root: ShadowRoot, name: string) => buttons(root).find((each) => text(each) === name)!;
  /** The form a step opened, once it has rendered. */
  async function openedForm(root: ShadowRoot, tag: 'minutes-confirm-form' | 'minutes-correction-form') {
    await waitUntil(() => root.querySelector(tag));
    const form = root.querySelector(tag)!;
    await form.updateComplete;
    return form.shadowRoot!;
  }

  it('shows the stage and only the steps the server offers, and posts the step chosen', async () => {
    const answer = deferred<Response>();
    api = fakeApi({ 'POST /api/meetings/42/minutes/steps': () => answer.promise });
    const { el, root } = await panel(minutesStatus({ steps: ['circulate'] }));
    expect(text(root.querySelector('h2'))).to.equal('Stage: Draft');
    expect(buttons(root).map(text)).to.deep.equal(['Circulate to members']);
    await expectNoAxeViolations(el);

    button(root, 'Circulate to members').click();
    await el.updateComplete;
    expect(buttons(root).map((each) => [text(each), each.disabled])).to.deep.equal([['Saving…', true]]);
    expect(api.requests.at(-1)!.body).to.deep.equal({ step: 'circulate' });
    const taken = oneEvent(el, 'minutes-step-taken');
    answer.resolve(jsonResponse(minutesStatus({ stage: 'circulated', steps: ['withdraw', 'approve'], circulatedAt: '2026-11-20T09:00:00.000Z' })));
    expect((await taken).detail.stage).to.equal('circulated');
    await el.updateComplete;
    expect(text(root.querySelector('[role=status]'))).to.equal('Saved. The minutes are now: Circulated for comment.');
  });

  it('offers nothing to someone who may take no step', async () => {
    const { root } = await panel(minutesStatus({ stage: 'published', publishedAt: '2026-12-16T09:00:00.000Z', steps: [] }));
    expect(root.querySelector('[role=group]')).to.equal(null);
    expect(text(root)).to.contain('Published on 16/12/2026');
  });

  it('says why a step was refused', async () => {
    api = fakeApi({ 'POST /api/meetings/42/minutes/steps': () => errorResponse(409, 'conflict', 'These minutes have already been circulated') });
    const { el, root } = await panel(minutesStatus({ steps: ['circulate'] }));
    button(root, 'Circulate to members').click();
    await waitUntil(() => root.querySelector('[role=alert]'));
    expect(text(root.querySelector('[role=alert]'))).to.equal('These minutes have already been circulated');
    expect(button(root, 'Circulate to members').disabled).to.equal(false);
    await expectNoAxeViolations(el);
  });

  it('confirms as a correct record only once someone is named as moving it, with the seconder', async () => {
    api = fakeApi({ 'POST /api/meetings/42/minutes/steps': () => jsonResponse(minutesStatus({ stage: 'approved', steps: ['publish', 'correct'] })) });
    const { el, root } = await panel(
      minutesStatus({ stage: 'circulated', steps: ['withdraw', 'approve'], confirmingMeeting: { id: 43, title: 'JAG January meeting' } }),
    );
    button(root, 'Confirm as a correct record').click();
    const form = await openedForm(root, 'minutes-confirm-form');
    expect(form.querySelector('a')!.getAttribute('href')).to.equal('/meetings/43');
    expect(text(form)).to.contain('To be confirmed at JAG January meeting, which is live now.');
    await expectNoAxeViolations(el);

    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => form.querySelector('.field-error'));
    expect(text(form.querySelector('.field-error'))).to.equal('Choose who moved that the minutes be confirmed');
    expect(api.requests).to.have.length(0);

    const moved = form.querySelector<HTMLSelectElement>('#moved-by')!;
    moved.value = '10';
    moved.dispatchEvent(new Event('change'));
    await root.querySelector('minutes-confirm-form')!.updateComplete;
    const seconded = form.querySelector<HTMLSelectElement>('#seconded-by')!;
    expect([...seconded.options].map((option) => option.textContent!.trim())).not.to.include('PC Dan Moore');
    seconded.value = '11';
    const taken = oneEvent(el, 'minutes-step-taken');
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await taken;
    expect(api.requests.at(-1)!.body).to.deep.equal({ step: 'approve', movedBy: 10, secondedBy: 11 });
    await el.updateComplete;
    expect(root.querySelector('minutes-confirm-form')).to.equal(null);
  });

  it('issues a correction only with its reason', async () => {
    api = fakeApi({ 'POST /api/meetings/42/minutes/steps': () => jsonResponse(minutesStatus({ stage: 'published', steps: ['correct'] })) });
    const { el, root } = await panel(minutesStatus({ stage: 'correcting', steps: ['issue-correction'] }));
    button(root, 'Issue correction').click();
    const form = await openedForm(root, 'minutes-correction-form');
    const reason = form.querySelector<HTMLTextAreaElement>('textarea')!;
    reason.value = '   ';
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => form.querySelector('.field-error'));
    expect(text(form.querySelector('.field-error'))).to.equal('Say what the correction changes and why');
    expect(reason.getAttribute('aria-invalid')).to.equal('true');
    expect(api.requests).to.have.length(0);
    await expectNoAxeViolations(el);

    reason.value = 'Item 16 named the wrong order';
    const taken = oneEvent(el, 'minutes-step-taken');
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await taken;
    expect(api.requests.at(-1)!.body).to.deep.equal({ step: 'issue-correction', reason: 'Item 16 named the wrong order' });
  });

  it('puts a form away on Cancel, back on its button', async () => {
    const { el, root } = await panel(minutesStatus({ stage: 'correcting', steps: ['issue-correction'] }));
    button(root, 'Issue correction').click();
    const form = await openedForm(root, 'minutes-correction-form');
    [...form.querySelectorAll('button')].find((each) => text(each) === 'Cancel')!.click();
    await waitUntil(() => !root.querySelector('minutes-correction-form'));
    await el.updateComplete;
    expect(root.activeElement).to.equal(button(root, 'Issue correction'));
  });
});
