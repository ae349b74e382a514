import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import '../../../client/actions/action-log-table.js';
import type { ActionLogTable } from '../../../client/actions/action-log-table.js';
import { ActionLogStore } from '../../../client/actions/action-log-store.js';
import { actionsOf } from '../../../shared/action-log-doc.js';
import type { Role } from '../../../shared/roles.js';
import { expectNoAxeViolations } from '../axe.js';
import { TODAY, actionIdOf, actionLogDoc, allAgencies, jagMembers } from '../action-fixtures.js';
import { remotePresence } from '../meeting-fixtures.js';
import { afterEach, describe, it } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<action-log-table>', () => {
  let awareness: Awareness | undefined;
  afterEach(() => awareness?.destroy());

  async function table(role: Role = 'chair', userId = 7, doc: Y.Doc = actionLogDoc()) {
    awareness = new Awareness(doc);
    const el = await fixture<ActionLogTable>(html`<action-log-table
      .store=${new ActionLogStore(doc, { role, userId })}
      .awareness=${awareness}
      .members=${jagMembers}
      .agencies=${allAgencies}
      body-id="5"
      today=${TODAY}
    ></action-log-table>`);
    return { el, doc, root: el.shadowRoot! };
  }
  const references = (root: ShadowRoot) => [...root.querySelectorAll('tbody tr[data-action-id] td.reference button')].map((b) => text(b).split(':')[0]);
  const cell = (root: ShadowRoot, reference: string, field: string) =>
    [...root.querySelectorAll<HTMLTableRowElement>('tbody tr[data-action-id]')]
      .find((row) => text(row.querySelector('td.reference')).startsWith(reference))!
      .querySelector<HTMLButtonElement>(`button.cell[data-field="${field}"]`)!;

  it('shows the outstanding actions with owner, agency, en-GB due date and RAG in words', async () => {
    const { el, root } = await table();
    expect(references(root)).to.deep.equal(['JAG-0001', 'JAG-0002']);
    const first = text(root.querySelector('tbody tr'));
    expect(first).to.contain('Map repeat ASB locations').and.contain('PC Dan Moore').and.contain('Police');
    expect(first).to.contain('01/11/2026').and.contain('(overdue)').and.contain('Red');
    expect(text(root.querySelector('.filter-actions [role=status]'))).to.equal('Showing 2 of 3 actions');
    expect(root.querySelector('a[download]')!.getAttribute('href')).to.equal('/api/bodies/5/actions.csv?status=outstanding&sort=due');
    await expectNoAxeViolations(el);
  });

  it('sorts by a column header, saying so with aria-sort', async () => {
    const { el, root } = await table();
    const header = (name: string) => [...root.querySelectorAll('thead th')].find((th) => text(th).startsWith(name))!;
    header('Owner').querySelector('button')!.click();
    await el.updateComplete;
    expect(header('Owner').getAttribute('aria-sort')).to.equal('ascending');
    expect(header('Due date').hasAttribute('aria-sort')).to.equal(false);
    expect(references(root)).to.deep.equal(['JAG-0001', 'JAG-0002']);
    header('Owner').querySelector('button')!.click();
    await el.updateComplete;
    expect(header('Owner').getAttribute('aria-sort')).to.equal('descending');
    expect(references(root)).to.deep.equal(['JAG-0002', 'JAG-0001']);
    // The CSV of the actions shown comes in this order too.
    expect(root.querySelector('a[download]')!.getAttribute('href')).to.equal('/api/bodies/5/actions.csv?status=outstanding&sort=-owner');
  });

  it('filters the live data by status, owner, overdue, theme and text', async () => {
    const { el, root, doc } = await table();
    const set = async (id: string, value: string) => {
      const control = root.querySelector('action-filters-bar')!.shadowRoot!.querySelector<HTMLSelectElement | HTMLInputElement>(`#${id}`)!;
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true }));
      await el.updateComplete;
    };
    await set('filter-status', 'all');
    expect(references(root)).to.deep.equal(['JAG-0001', 'JAG-0002', 'JAG-0003']);
    await set('filter-theme', 'ASB');
    expect(references(root)).to.deep.equal(['JAG-0001', 'JAG-0003']);
    await set('filter-overdue', 'overdue');
    expect(references(root)).to.deep.equal(['JAG-0001']);
    expect(root.querySelector('a[download]')!.getAttribute('href')).to.equal('/api/bodies/5/actions.csv?status=all&overdue=true&theme=ASB&sort=due');
    await set('filter-overdue', 'any');
    await set('filter-theme', '');
    await set('filter-text', 'cctv');
    expect(references(root)).to.deep.equal(['JAG-0002']);
    // Someone else's edit is filtered like any other.
    actionsOf(doc).get(actionIdOf(doc, 'JAG-0001'))!.set('title', 'Map CCTV blind spots');
    await el.updateComplete;
    expect(references(root)).to.deep.equal(['JAG-0001', 'JAG-0002']);
  });

  it('edits a cell from the keyboard: F2 opens it, Escape cancels, Enter saves to the document', async () => {
    const { el, root, doc } = await table();
    const id = actionIdOf(doc, 'JAG-0002');
    cell(root, 'JAG-0002', 'dueDate').dispatchEvent(new KeyboardEvent('keydown', { key: 'F2', bubbles: true }));
    await waitUntil(() => root.querySelector(`#edit-${id}-dueDate`), 'no date input');
    const input = root.querySelector<HTMLInputElement>(`#edit-${id}-dueDate`)!;
    expect(input.value).to.equal('2026-11-30');
    expect(awareness!.getLocalState()!.editingAction).to.equal(id);
    input.value = '2027-01-15';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await el.updateComplete;
    expect(actionsOf(doc).get(id)!.get('dueDate')).to.equal('2026-11-30');
    expect(awareness!.getLocalState()!.editingAction).to.equal(null);

    cell(root, 'JAG-0002', 'theme').click();
    await waitUntil(() => root.querySelector(`#edit-${id}-theme`));
    const theme = root.querySelector<HTMLInputElement>(`#edit-${id}-theme`)!;
    theme.value = 'Night-time economy';
    theme.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await el.updateComplete;
    expect(actionsOf(doc).get(id)!.get('theme')).to.equal('Night-time economy');
    await waitUntil(() => root.activeElement === cell(root, 'JAG-0002', 'theme'), 'focus did not go back to the cell');

    cell(root, 'JAG-0002', 'ownerId').click();
    await waitUntil(() => root.querySelector(`#edit-${id}-ownerId`));
    const owner = root.querySelector<HTMLSelectElement>(`#edit-${id}-ownerId`)!;
    owner.value = '8';
    owner.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await el.updateComplete;
    expect(actionsOf(doc).get(id)!.get('ownerId')).to.equal(8);
  });

  it('refuses an empty title beside the field without writing it', async () => {
    const { el, root, doc } = await table();
    const id = actionIdOf(doc, 'JAG-0001');
    cell(root, 'JAG-0001', 'title').click();
    await waitUntil(() => root.querySelector(`#edit-${id}-title`));
    const input = root.querySelector<HTMLInputElement>(`#edit-${id}-title`)!;
    input.value = '   ';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await el.updateComplete;
    expect(text(root.querySelector('.editor .field-error'))).to.equal('Give the action a title');
    expect(root.querySelector(`#edit-${id}-title`)!.getAttribute('aria-invalid')).to.equal('true');
    expect(actionsOf(doc).get(id)!.get('title')).to.equal('Map repeat ASB locations');
    await expectNoAxeViolations(el);
  });

  it('offers only the status changes the role allows', async () => {
    const options = async (role: Role, userId: number, reference: string) => {
      const { root, doc, el } = await table(role, userId);
      const button = cell(root, reference, 'status');
      if (!button) return null;
      button.click();
      await el.updateComplete;
      return [...root.querySelectorAll(`#edit-${actionIdOf(doc, reference)}-status option`)].map(text);
    };
    // PC Dan Moore (10) owns JAG-0001; Sam Patel (11) owns JAG-0002.
    expect(await options('member', 10, 'JAG-0001')).to.deep.equal(['Open', 'In progress', 'Done']);
    awareness?.destroy();
    expect(await options('member', 10, 'JAG-0002')).to.deep.equal(['Open', 'In progress']);
    awareness?.destroy();
    expect(await options('secretariat', 9, 'JAG-0002')).to.deep.equal(['Open', 'In progress', 'Done', 'Dropped']);
    awareness?.destroy();
    expect(await options('chair', 7, 'JAG-0002')).to.deep.equal(['Open', 'In progress', 'Done', 'Dropped', 'Escalated']);
    awareness?.destroy();
    const { root } = await table('observer', 12);
    expect(root.querySelector('button.cell')).to.equal(null);
  });

  it('shows on the row who else is editing it', async () => {
    const { el, root, doc } = await table();
    const id = actionIdOf(doc, 'JAG-0002');
    const other = remotePresence(awareness!, { id: 10, name: 'PC Dan Moore', agency: 'Police' }, null);
    other.setLocalStateField('editingAction', id);
    const { applyAwarenessUpdate, encodeAwarenessUpdate } = await import('y-protocols/awareness');
    applyAwarenessUpdate(awareness!, encodeAwarenessUpdate(other, [other.clientID]), 'remote');
    await el.updateComplete;
    const row = root.querySelector(`tr[data-action-id="${id}"]`)!;
    expect(text(row.querySelector('.editors'))).to.equal('PC Dan Moore editing');
    expect(row.classList.contains('being-edited')).to.equal(true);
    other.destroy();
    await expectNoAxeViolations(el);
  });

  it('lines each column header up with its column, for every role', async () => {
    for (const [role, userId] of [['chair', 7], ['secretariat', 9], ['member', 10], ['observer', 12]] as [Role, number][]) {
      awareness?.destroy();
      const { root } = await table(role, userId);
      const headers = [...root.querySelectorAll('thead th')].map((th) => Math.round(th.getBoundingClientRect().left));
      const cells = [...root.querySelectorAll('tbody tr[data-action-id] td')].slice(0, headers.length).map((td) => Math.round(td.getBoundingClientRect().left));
      expect(cells, role).to.deep.equal(headers);
      expect(new Set(headers).size, `${role}: columns side by side`).to.equal(headers.length);
    }
  });

  it('does not make the page scroll sideways on a 390 px phone; the table scrolls in its own region', async () => {
    await setViewport({ width: 390, height: 800 });
    try {
      const { el, root } = await table();
      await el.updateComplete;
      expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(390);
      const region = root.querySelector<HTMLElement>('.table-scroll')!;
      expect(region.clientWidth).to.be.at.most(390);
      expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
      await expectNoAxeViolations(el);
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });
});
