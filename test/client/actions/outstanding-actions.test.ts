import { expect, fixture, html } from '@open-wc/testing';
import '../../../client/actions/outstanding-actions.js';
import type { OutstandingActions } from '../../../client/actions/outstanding-actions.js';
import { ActionLogStore, type LogUser } from '../../../client/actions/action-log-store.js';
import { actionsOf, addProgress } from '../../../shared/action-log-doc.js';
import { actionIdOf, actionLogDoc, allAgencies, jagMembers, TODAY } from '../action-fixtures.js';
import { expectNoAxeViolations } from '../axe.js';
import { describe, it } from '../mocha.js';

const text = (el: Element | ShadowRoot | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('outstanding-actions', () => {
  async function mount(user: LogUser = { role: null, userId: 0 }) {
    const doc = actionLogDoc();
    const el = await fixture<OutstandingActions>(html`<outstanding-actions
      .store=${new ActionLogStore(doc, user)}
      .members=${jagMembers}
      .agencies=${allAgencies}
      body-id="3"
      today=${TODAY}
    ></outstanding-actions>`);
    return { el, doc };
  }

  it('lists only outstanding actions, soonest due first, with RAG in words', async () => {
    const { el } = await mount();
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map(text);
    expect(rows).to.have.length(2);
    expect(rows[0]).to.contain('JAG-0001').and.to.contain('Map repeat ASB locations').and.to.contain('Red');
    expect(rows[1]).to.contain('JAG-0002');
    expect(text(el.shadowRoot!)).not.to.contain('Close the youth shelter consultation');
    await expectNoAxeViolations(el);
  });

  it('shows a progress update the moment it lands in the log', async () => {
    const { el, doc } = await mount();
    addProgress(doc, actionIdOf(doc, 'JAG-0002'), { authorId: 11, at: '2026-11-21T09:00:00Z', text: 'Cameras surveyed on Market Street' });
    await el.updateComplete;
    expect(text(el.shadowRoot!)).to.contain('Cameras surveyed on Market Street');
  });

  it('drops an action from the list when it is marked done', async () => {
    const { el, doc } = await mount();
    actionsOf(doc).get(actionIdOf(doc, 'JAG-0001'))!.set('status', 'done');
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('tbody tr')].map(text).join(' ')).not.to.contain('JAG-0001');
  });
});
