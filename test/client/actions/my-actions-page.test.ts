import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../client/shell/app-shell.js';
import type { AppShell } from '../../../client/shell/app-shell.js';
import '../../../client/actions/my-actions-page.js';
import type { MyActionsPage } from '../../../client/actions/my-actions-page.js';
import type { ActionSummary } from '../../../shared/api.js';
import { expectNoAxeViolations } from '../axe.js';
import { fakeApi, jsonResponse, me, type FakeApi } from '../fake-api.js';
import { afterEach, describe, it } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function summary(fields: Partial<ActionSummary> & Pick<ActionSummary, 'id' | 'title' | 'bodyId' | 'bodyName'>): ActionSummary {
  return {
    reference: `REF-000${fields.id.slice(-1)}`,
    description: '',
    owner: { id: 10, name: 'PC Dan Moore' },
    leadAgency: null,
    dueDate: '2026-12-01',
    status: 'open',
    rag: 'green',
    ragOverride: null,
    ragOverrideReason: '',
    overdue: false,
    theme: '',
    resources: '',
    outcomeMeasure: '',
    sourceMeetingId: null,
    sourceItemId: null,
    latestProgress: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    closedAt: null,
    ...fields,
  };
}

describe('<my-actions-page>', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  it('groups my outstanding actions by body, overdue first, and adds progress', async () => {
    api = fakeApi({
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
    expect([...jag.querySelectorAll('h3')].map(text)).to.deep.equal(['REF-0002: Warwick Way hotspots', 'REF-0003: Patrol plan']);
    expect(text(jag.querySelector('li'))).to.contain('01/11/2026 (overdue)').and.contain('RAG Red');
    expect(text(root.querySelector('p'))).to.equal('You own 3 outstanding actions, 1 overdue.');
    await expectNoAxeViolations(el);

    const form = jag.querySelectorAll('form')[1]!;
    form.querySelector('textarea')!.value = 'Patrols agreed with the NPT.';
    form.querySelector('button')!.click();
    await waitUntil(() => api!.requests.some((request) => request.method === 'POST'));
    expect(api.requests.find((request) => request.method === 'POST')!.body).to.deep.equal({ text: 'Patrols agreed with the NPT.' });
    await waitUntil(() => text(jag.querySelectorAll('li')[1]).includes('Patrols agreed with the NPT.'), 'latest progress not shown');
  });

  it('says so on the form when a progress update is empty', async () => {
    api = fakeApi({ 'GET /api/me/actions': () => jsonResponse({ actions: [summary({ id: 'a1', title: 'Patrol plan', bodyId: 5, bodyName: 'Charnwood JAG' })] }) });
    const el = await fixture<MyActionsPage>(html`<my-actions-page></my-actions-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('form'));
    el.shadowRoot!.querySelector<HTMLButtonElement>('form button')!.click();
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('.field-error'))).to.equal('Write the progress update');
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
