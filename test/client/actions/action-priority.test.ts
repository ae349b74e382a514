import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import * as Y from 'yjs';
import '../../../client/actions/action-detail.js';
import '../../../client/actions/new-action-form.js';
import type { ActionDetail } from '../../../client/actions/action-detail.js';
import type { NewActionForm } from '../../../client/actions/new-action-form.js';
import { ActionLogStore } from '../../../client/actions/action-log-store.js';
import { actionsOf } from '../../../shared/action-log-doc.js';
import type { PriorityOption } from '../../../shared/api.js';
import type { Role } from '../../../shared/roles.js';
import { expectNoAxeViolations } from '../axe.js';
import { TODAY, actionIdOf, actionLogDoc, allAgencies, jagMembers } from '../action-fixtures.js';
import { fakeApi, jsonResponse, type FakeApi } from '../fake-api.js';
import { afterEach, describe, it } from '../mocha.js';

const text = (el: Node | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const priorities: PriorityOption[] = [
  { id: 41, title: 'Reduce repeat anti-social behaviour', fromBody: { id: 3, name: 'Charnwood CSP' } },
  { id: 42, title: 'A safe night-time economy', fromBody: { id: 3, name: 'Charnwood CSP' } },
];

describe('The priority an action serves', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  async function detail(role: Role = 'member', reference = 'JAG-0002', doc: Y.Doc = actionLogDoc()) {
    api = fakeApi({ [`GET /api/bodies/5/actions/${actionIdOf(doc, reference)}/history`]: () => jsonResponse({ history: [] }) });
    const el = await fixture<ActionDetail>(html`<action-detail
      .store=${new ActionLogStore(doc, { role, userId: 11 })}
      .members=${jagMembers}
      .priorities=${priorities}
      body-id="5"
      action-id=${actionIdOf(doc, reference)}
      today=${TODAY}
    ></action-detail>`);
    const field = el.shadowRoot!.querySelector('action-priority-field')!;
    await field.updateComplete;
    return { el, doc, field, root: field.shadowRoot!, id: actionIdOf(doc, reference) };
  }

  it('is chosen in the action’s details from the priorities routed to the body, and saved live', async () => {
    const { el, doc, field, root, id } = await detail();
    const select = root.querySelector<HTMLSelectElement>('select')!;
    expect(text(root.querySelector(`label[for=${select.id}]`))).to.equal('Priority');
    expect([...select.options].map(text)).to.deep.equal([
      'None',
      'Reduce repeat anti-social behaviour (from Charnwood CSP)',
      'A safe night-time economy (from Charnwood CSP)',
    ]);
    expect(select.value).to.equal('');
    expect(root.querySelector('a')).to.equal(null);
    select.value = '42';
    select.dispatchEvent(new Event('change'));
    await field.updateComplete;
    expect(actionsOf(doc).get(id)!.get('priorityId')).to.equal(42);
    expect(text(root.querySelector('[role=status]'))).to.equal('Priority set to A safe night-time economy');
    const link = root.querySelector<HTMLAnchorElement>('a')!;
    expect(text(link)).to.equal('Serves the priority: A safe night-time economy');
    expect(link.getAttribute('href')).to.equal('/priorities/42');
    await expectNoAxeViolations(el);

    select.value = '';
    select.dispatchEvent(new Event('change'));
    await field.updateComplete;
    expect(actionsOf(doc).get(id)!.get('priorityId')).to.equal(null);
    expect(text(root.querySelector('[role=status]'))).to.equal('Priority removed');
  });

  it('follows someone else’s change to the live log', async () => {
    const { doc, field, root, id } = await detail();
    actionsOf(doc).get(id)!.set('priorityId', 41);
    await field.updateComplete;
    expect(root.querySelector<HTMLSelectElement>('select')!.value).to.equal('41');
    expect(text(root.querySelector('a'))).to.equal('Serves the priority: Reduce repeat anti-social behaviour');
  });

  it('is read, not chosen, by an observer and on a closed action', async () => {
    const doc = actionLogDoc();
    actionsOf(doc).get(actionIdOf(doc, 'JAG-0003'))!.set('priorityId', 41);
    const observer = await detail('observer', 'JAG-0002', doc);
    expect(observer.root.querySelector('select')).to.equal(null);
    expect(text(observer.root)).to.contain('Serves no priority.');
    const closed = await detail('chair', 'JAG-0003', doc);
    expect(closed.root.querySelector('select')).to.equal(null);
    expect(text(closed.root.querySelector('a'))).to.equal('Serves the priority: Reduce repeat anti-social behaviour');
    await expectNoAxeViolations(closed.el);
  });

  it('may be chosen when adding an action to the log', async () => {
    const doc = new Y.Doc();
    const el = await fixture<NewActionForm>(html`<new-action-form
      full
      .store=${new ActionLogStore(doc, { role: 'chair', userId: 7 })}
      .members=${jagMembers}
      .agencies=${allAgencies}
      .priorities=${priorities}
    ></new-action-form>`);
    const root = el.shadowRoot!;
    const select = root.querySelector<HTMLSelectElement>('#new-action-priority')!;
    expect(text(root.querySelector('label[for=new-action-priority]'))).to.equal('Priority it serves');
    expect([...select.options].map(text)).to.deep.equal([
      'None',
      'Reduce repeat anti-social behaviour (from Charnwood CSP)',
      'A safe night-time economy (from Charnwood CSP)',
    ]);
    await expectNoAxeViolations(el);
    root.querySelector<HTMLInputElement>('#new-action-title')!.value = 'Patrol the skate park';
    select.value = '41';
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => actionsOf(doc).size === 1, 'no action added');
    const [added] = [...actionsOf(doc).values()];
    expect(added!.get('title')).to.equal('Patrol the skate park');
    expect(added!.get('priorityId')).to.equal(41);
  });
});
