import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../client/shell/app-shell.js';
import type { AppShell } from '../../../client/shell/app-shell.js';
import '../../../client/actions/my-actions-page.js';
import type { MyActionsPage } from '../../../client/actions/my-actions-page.js';
import type { ActionSummary } from '../../../shared/api.js';
import { actionSummary } from '../action-summary.js';
import { expectNoAxeViolations } from '../axe.js';
import { fakeApi, jsonResponse, me, type FakeApi } from '../fake-api.js';
import { afterEach, describe, it } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function summary(fields: Partial<ActionSummary> & Pick<ActionSummary, 'id' | 'title' | 'bodyId' | 'bodyName'>): ActionSummary {
  return actionSummary({
    reference: `REF-000${fields.id.slice(-1)}`,
    owner: { id: 10, name: 'PC Dan Moore' },
    dueDate: '2026-12-01',
    rag: 'green',
    createdAt: '2026-01-01T10:00:00.000Z',
    ...fields,
  });
}

describe('<my-actions-page>', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  // PC Dan Moore (10) is a member of the Charnwood JAG (5); Priya Shah (7, `me`) chairs it.
  const dan = { user: { ...me.user, id: 10, name: 'PC Dan Moore' }, memberships: [{ bodyId: 5, role: 'member' as const }, { bodyId: 10, role: 'member' as const }] };
  const item = (root: ShadowRoot, title: string) =>
    [...root.querySelectorAll('owned-action')].find((each) => text(each.shadowRoot!.querySelector('h3, h4')).includes(title))!;

  it('groups my outstanding actions by body, overdue first, and adds progress', async () => {
    api = fakeApi({
      'GET /api/me': () => jsonResponse(dan),
      'GET /api/me/bodies-actions': () => jsonResponse({ actions: [] }),
      'GET /api/me/actions': () =>
        jsonResponse({
          actions: [
            summary({ id: 'a1', title: 'Peer mentoring outreach', bodyId: 10, bodyName: 'People Zone People Group', dueDate: '2026-12-10' }),
            summary({ id: 'a2', title: 'Warwick Way hotspots', bodyId: 5, bodyName: 'Charnwood JAG', dueDate: '2026-11-01', overdue: true, rag: 'red' }),
            summary({ id: 'a3', title: 'Patrol plan', bodyId: 5, bodyName: 'Charnwood JAG', dueDate: '2026-11-28', rag: 'amber' }),
          ],
        }),
      'POST /api/bodies/5/actions/a3/progress': () => new Response(null, { status: 204 }),
    });
    const el = await fixture<MyActionsPage>(html`<my-actions-page></my-actions-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('section'), 'the actions never loaded');
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('h2')].map(text)).to.deep.equal(['Charnwood JAG', 'People Zone People Group']);
    const jag = root.querySelector('section')!;
    const titles = [...jag.querySelectorAll('owned-action')].map((each) => text(each.shadowRoot!.querySelector('h3')));
    expect(titles).to.deep.equal(['REF-0002: Warwick Way hotspots', 'REF-0003: Patrol plan']);
    expect(text(jag.querySelector('owned-action')!.shadowRoot!.querySelector('dl'))).to.contain('01/11/2026 (overdue)').and.contain('RAG Red');
    expect(text(root.querySelector('p'))).to.equal('You own 3 outstanding actions, 1 overdue.');
    await expectNoAxeViolations(el);

    const progress = item(root, 'Patrol plan').shadowRoot!.querySelector('progress-form')!.shadowRoot!;
    progress.querySelector('textarea')!.value = 'Patrols agreed with the NPT.';
    progress.querySelector('button')!.click();
    await waitUntil(() => api!.requests.some((request) => request.method === 'POST'));
    expect(api.requests.find((request) => request.method === 'POST')!.body).to.deep.equal({ text: 'Patrols agreed with the NPT.' });
    await waitUntil(() => text(item(root, 'Patrol plan').shadowRoot!.querySelector('.latest')).includes('Patrols agreed with the NPT.'), 'latest progress not shown');
  });

  it('lets an owner mark their action done, offering only the statuses the rulebook allows', async () => {
    api = fakeApi({
      'GET /api/me': () => jsonResponse(dan),
      'GET /api/me/bodies-actions': () => jsonResponse({ actions: [] }),
      'GET /api/me/actions': () => jsonResponse({ actions: [summary({ id: 'a3', title: 'Patrol plan', bodyId: 5, bodyName: 'Charnwood JAG' })] }),
      'POST /api/bodies/5/actions/a3/status': () => new Response(null, { status: 204 }),
    });
    const el = await fixture<MyActionsPage>(html`<my-actions-page></my-actions-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('owned-action'), 'the actions never loaded');
    const action = el.shadowRoot!.querySelector('owned-action')!;
    await action.updateComplete;
    const options = [...action.shadowRoot!.querySelectorAll('select[name=status] option')].map(text);
    expect(options).to.deep.equal(['Open', 'In progress', 'Done']);
    const markDone = [...action.shadowRoot!.querySelectorAll('button')].find((button) => text(button).startsWith('Mark done'))!;
    markDone.click();
    await waitUntil(() => api!.requests.some((request) => request.method === 'POST'));
    expect(api.requests.find((request) => request.method === 'POST')!.body).to.deep.equal({ status: 'done' });
    await waitUntil(() => text(action.shadowRoot!.querySelector('dl')).includes('Status Done'), 'status not shown as done');
    expect(text(el.shadowRoot!.querySelector('p'))).to.equal('You own 0 outstanding actions.');
    await expectNoAxeViolations(el);
  });

  it('shows a chair the outstanding actions of the bodies they run', async () => {
    api = fakeApi({
      'GET /api/me': () => jsonResponse(me),
      'GET /api/me/actions': () => jsonResponse({ actions: [] }),
      'GET /api/me/bodies-actions': () =>
        jsonResponse({
          actions: [
            summary({ id: 'a2', title: 'Warwick Way hotspots', bodyId: 5, bodyName: 'Charnwood JAG', overdue: true, rag: 'red' }),
            summary({ id: 'a4', title: 'Fire safety visits', bodyId: 5, bodyName: 'Charnwood JAG', owner: { id: 11, name: 'Sam Patel' } }),
          ],
        }),
    });
    const el = await fixture<MyActionsPage>(html`<my-actions-page></my-actions-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('#run-bodies-heading'), 'the bodies’ actions never loaded');
    const root = el.shadowRoot!;
    expect(text(root.querySelector('#run-bodies-heading'))).to.equal('Outstanding actions of the bodies you run');
    expect(text(root.querySelector('section h3'))).to.equal('Charnwood JAG');
    const fire = item(root, 'Fire safety visits');
    expect(text(fire.shadowRoot!.querySelector('dl'))).to.contain('Owner Sam Patel');
    expect([...fire.shadowRoot!.querySelectorAll('select[name=status] option')].map(text)).to.deep.equal(['Open', 'In progress', 'Done', 'Dropped', 'Escalated']);
    await expectNoAxeViolations(el);
  });

  it('says so on the form when a progress update is empty', async () => {
    api = fakeApi({
      'GET /api/me': () => jsonResponse(dan),
      'GET /api/me/bodies-actions': () => jsonResponse({ actions: [] }),
      'GET /api/me/actions': () => jsonResponse({ actions: [summary({ id: 'a1', title: 'Patrol plan', bodyId: 5, bodyName: 'Charnwood JAG' })] }),
    });
    const el = await fixture<MyActionsPage>(html`<my-actions-page></my-actions-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('owned-action')?.shadowRoot?.querySelector('progress-form'));
    const form = el.shadowRoot!.querySelector('owned-action')!.shadowRoot!.querySelector('progress-form')!;
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await form.updateComplete;
    expect(text(form.shadowRoot!.querySelector('.field-error'))).to.equal('Write the progress update');
    expect(api.requests.filter((request) => request.method === 'POST')).to.have.length(0);
  });
});

describe('<app-shell> "My actions" link', () => {
  it('says how many of my actions are overdue, in words a screen reader reads', async () => {
    const el = await fixture<AppShell>(html`<app-shell .user=${me.user} .actionCounts=${{ outstanding: 3, overdue: 2 }} current-path="/my-actions"></app-shell>`);
    const link = [...el.shadowRoot!.querySelectorAll('nav a')].find((a) => a.getAttribute('href') === '/my-actions')!;
    expect(text(link)).to.equal('My actions (2 overdue)');
    expect(link.getAttribute('aria-current')).to.equal('page');
    el.actionCounts = { outstanding: 3, overdue: 0 };
    await el.updateComplete;
    expect(text(link)).to.equal('My actions');
    await expectNoAxeViolations(el);
  });
});
