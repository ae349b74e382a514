import { expect, fixture, html, waitUntil } from '@open-wc/testing';
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

  const rowOf = (el: OutstandingActions, reference: string) =>
    [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr[data-action-id]')].find((row) => text(row).startsWith(reference))!;
  async function openUpdate(el: OutstandingActions, reference: string) {
    rowOf(el, reference).querySelector<HTMLButtonElement>('button.toggle')!.click();
    await el.updateComplete;
    const update = el.shadowRoot!.querySelector('outstanding-action-update')!;
    await update.updateComplete;
    return update.shadowRoot!;
  }

  it('lets the chair update status, due date, RAG and progress live, as the meeting discusses each', async () => {
    const { el, doc } = await mount({ role: 'chair', userId: 7 });
    const id = actionIdOf(doc, 'JAG-0002');
    const update = await openUpdate(el, 'JAG-0002');
    const status = update.querySelector<HTMLSelectElement>(`#update-${id}-status`)!;
    expect([...status.options].map((option) => option.textContent!.trim())).to.deep.equal(['Open', 'In progress', 'Done', 'Dropped', 'Escalated']);
    status.value = 'in-progress';
    status.dispatchEvent(new Event('change'));
    expect(actionsOf(doc).get(id)!.get('status')).to.equal('in-progress');

    const due = update.querySelector<HTMLInputElement>(`#update-${id}-due`)!;
    due.value = '2027-01-31';
    due.dispatchEvent(new Event('change'));
    expect(actionsOf(doc).get(id)!.get('dueDate')).to.equal('2027-01-31');

    update.querySelector<HTMLSelectElement>(`#update-${id}-rag`)!.value = 'red';
    update.querySelector<HTMLInputElement>(`#update-${id}-rag-reason`)!.value = 'No cameras budgeted';
    update.querySelector<HTMLButtonElement>('form[aria-label="Chair’s RAG override"] button')!.click();
    expect(actionsOf(doc).get(id)!.get('ragOverride')).to.equal('red');

    const progress = update.querySelector('progress-form')!;
    progress.shadowRoot!.querySelector('textarea')!.value = 'Quote received from the installer';
    progress.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => text(rowOf(el, 'JAG-0002')).includes('Quote received from the installer'), 'progress not shown in the row');
    const row = text(rowOf(el, 'JAG-0002'));
    expect(row).to.contain('In progress').and.contain('31/01/2027').and.contain('Red');
    await expectNoAxeViolations(el);
  });

  it('offers a member only what the rulebook lets them change, and someone outside the body nothing', async () => {
    // Sam Patel (11) owns JAG-0002, not JAG-0001.
    const { el, doc } = await mount({ role: 'member', userId: 11 });
    const theirs = await openUpdate(el, 'JAG-0001');
    const id = actionIdOf(doc, 'JAG-0001');
    expect([...theirs.querySelector<HTMLSelectElement>(`#update-${id}-status`)!.options].map((option) => option.value)).to.deep.equal(['open', 'in-progress']);
    expect(theirs.querySelector(`#update-${id}-due`)!.hasAttribute('disabled')).to.equal(false);
    expect(theirs.querySelector(`#update-${id}-rag`)).to.equal(null);
    expect(theirs.querySelector('progress-form')).to.equal(null);

    const outsider = await mount({ role: null, userId: 99 });
    expect(outsider.el.shadowRoot!.querySelector('button.toggle')).to.equal(null);
    const observer = await mount({ role: 'observer', userId: 12 });
    expect(observer.el.shadowRoot!.querySelector('button.toggle')).to.equal(null);
  });

  it('leaves the name "Outstanding actions" to the meeting’s section alone', async () => {
    const section = await fixture<HTMLElement>(html`<section aria-labelledby="review-heading">
      <h3 id="review-heading">Outstanding actions</h3>
      <outstanding-actions .store=${new ActionLogStore(actionLogDoc(), { role: 'chair', userId: 7 })} .members=${jagMembers} .agencies=${allAgencies} body-id="3" today=${TODAY}></outstanding-actions>
    </section>`);
    const el = section.querySelector('outstanding-actions')!;
    await el.updateComplete;
    const region = el.shadowRoot!.querySelector('[role=region]')!;
    expect(region.getAttribute('aria-label')).to.equal('Table of outstanding actions');
    expect(region.hasAttribute('aria-labelledby')).to.equal(false);
    await expectNoAxeViolations(section);
  });
});
