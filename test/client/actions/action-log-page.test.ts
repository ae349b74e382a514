import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import '../../../client/actions/action-log-page.js';
import type { ActionLogPage } from '../../../client/actions/action-log-page.js';
import type { LiveConnection } from '../../../client/live/index.js';
import type { ActionLogResponse } from '../../../shared/api.js';
import { actionLogDoc, allAgencies, jagMembers } from '../action-fixtures.js';
import { expectNoAxeViolations } from '../axe.js';
import { errorResponse, fakeApi, jagDetail, jsonResponse, me, type FakeApi } from '../fake-api.js';
import { afterEach, describe, it } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Stands in for ActionLogSession: a document built in the test, always connected. */
function fakeSession(doc: Y.Doc): LiveConnection {
  const awareness = new Awareness(doc);
  return {
    doc,
    awareness,
    state: 'connected',
    refusal: null,
    refusedChange: null,
    subscribe: () => () => {},
    reconnect: () => {},
    destroy: () => awareness.destroy(),
  };
}

const log: ActionLogResponse = { docName: 'actions.5', access: 'edit', members: jagMembers, agencies: allAgencies, priorities: [] };

describe('<action-log-page>', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  it('loads the live log, with headings in order even with an action open', async () => {
    api = fakeApi({ 'GET /api/bodies/5': () => jsonResponse(jagDetail), 'GET /api/bodies/5/action-log': () => jsonResponse(log) });
    const doc = actionLogDoc();
    const el = await fixture<ActionLogPage>(html`<action-log-page body-id="5" .user=${me.user} .openSession=${() => fakeSession(doc)}></action-log-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('action-log-table'), 'the live log never opened');
    expect(text(el.shadowRoot!.querySelector('h1'))).to.equal('JAG action log');
    const table = el.shadowRoot!.querySelector('action-log-table')!;
    await table.updateComplete;
    table.shadowRoot!.querySelector<HTMLButtonElement>('td.reference button')!.click();
    await waitUntil(() => table.shadowRoot!.querySelector('action-detail'));
    await table.shadowRoot!.querySelector('action-detail')!.updateComplete;
    await expectNoAxeViolations(el);
  });

  it('says why the log could not be loaded, and tries again', async () => {
    let fail = true;
    api = fakeApi({
      'GET /api/bodies/5': () => (fail ? errorResponse(500, 'internal', 'The database is busy') : jsonResponse(jagDetail)),
      'GET /api/bodies/5/action-log': () => jsonResponse(log),
    });
    const el = await fixture<ActionLogPage>(html`<action-log-page body-id="5" .user=${me.user} .openSession=${() => fakeSession(actionLogDoc())}></action-log-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'no error shown');
    expect(text(el.shadowRoot!.querySelector('[role=alert]'))).to.contain('The database is busy');
    expect(text(el.shadowRoot!.querySelector('h1'))).to.equal('Sorry, the action log could not be loaded');
    fail = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('action-log-table'), 'the retry did not load the log');
  });

  it('offers the priorities routed to the body in an action’s details and in the new-action form', async () => {
    const priorities = [{ id: 41, title: 'Reduce repeat anti-social behaviour', fromBody: { id: 3, name: 'Charnwood CSP' } }];
    api = fakeApi({ 'GET /api/bodies/5': () => jsonResponse(jagDetail), 'GET /api/bodies/5/action-log': () => jsonResponse({ ...log, priorities }) });
    const el = await fixture<ActionLogPage>(html`<action-log-page body-id="5" .user=${me.user} .openSession=${() => fakeSession(actionLogDoc())}></action-log-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('action-log-table'), 'the live log never opened');
    const table = el.shadowRoot!.querySelector('action-log-table')!;
    await table.updateComplete;
    table.shadowRoot!.querySelector<HTMLButtonElement>('td.reference button')!.click();
    await waitUntil(() => table.shadowRoot!.querySelector('action-detail')?.shadowRoot?.querySelector('action-priority-field'));
    const field = table.shadowRoot!.querySelector('action-detail')!.shadowRoot!.querySelector('action-priority-field')!;
    await field.updateComplete;
    const options = (root: ShadowRoot, selector: string) => [...root.querySelectorAll<HTMLOptionElement>(`${selector} option`)].map(text);
    expect(options(field.shadowRoot!, 'select')).to.deep.equal(['None', 'Reduce repeat anti-social behaviour (from Charnwood CSP)']);
    const form = el.shadowRoot!.querySelector('new-action-form')!;
    expect(options(form.shadowRoot!, '#new-action-priority')).to.deep.equal(['None', 'Reduce repeat anti-social behaviour (from Charnwood CSP)']);
  });
});
