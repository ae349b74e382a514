import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import * as Y from 'yjs';
import '../../../client/meeting/agenda-list.js';
import type { AgendaList } from '../../../client/meeting/agenda-list.js';
import { agendaOf, metaOf, readAgenda, readMeta } from '../../../shared/meeting-doc.js';
import { expectNoAxeViolations } from '../axe.js';
import { itemIds, meetingDoc, remoteEdit } from '../meeting-fixtures.js';
import { describe, it } from '../mocha.js';
import { meetingStoreFor } from '../../../client/meeting/meeting-store.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const titles = (doc: Y.Doc) => readAgenda(doc).map((item) => item.title);

describe('<agenda-list>', () => {
  async function agenda(doc: Y.Doc, { selected = itemIds(doc)[0]!, readonly = false, runsMeeting = false } = {}) {
    const el = await fixture<AgendaList>(
      html`<agenda-list .store=${meetingStoreFor(doc)} .selectedItemId=${selected} ?readonly=${readonly} ?runs-meeting=${runsMeeting}></agenda-list>`,
    );
    return el;
  }
  const items = (el: AgendaList) => [...el.shadowRoot!.querySelectorAll('li.item')];
  const openButton = (el: AgendaList, index: number) => items(el)[index]!.querySelector<HTMLButtonElement>('button.open')!;
  const button = (el: AgendaList, name: RegExp) =>
    [...el.shadowRoot!.querySelectorAll('button')].find((candidate) => name.test(text(candidate)))!;

  it('lists items in running order with their time, marking Part II items', async () => {
    const doc = meetingDoc();
    agendaOf(doc).get(itemIds(doc)[2]!)!.set('partTwo', true);
    const el = await agenda(doc);
    expect(items(el).map((item) => text(item.querySelector('.item-head')))).to.deep.equal([
      '1. Item 1: Apologies 5 min',
      '2. Item 2: Declarations of interest 5 min',
      '3. Item 3: High-risk ASB victims Part II (confidential) 15 min',
      '4. Item 4: Any other business 10 min',
    ]);
    expect(text(el.shadowRoot!.querySelector('.total'))).to.equal('4 items, 35 minutes in all');
    await expectNoAxeViolations(el);
  });

  it('follows remote changes to the agenda', async () => {
    const doc = meetingDoc();
    const el = await agenda(doc);
    remoteEdit(doc, (remote) => agendaOf(remote).get(itemIds(remote)[3]!)!.set('title', 'AOB'));
    await el.updateComplete;
    expect(text(openButton(el, 3))).to.equal('Item 4: AOB');
  });

  it('moves the focused item with Alt+Arrow keys, keeping focus on it', async () => {
    const doc = meetingDoc();
    const el = await agenda(doc);
    openButton(el, 0).focus();
    openButton(el, 0).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
    await el.updateComplete;
    expect(titles(doc)).to.deep.equal(['Declarations of interest', 'Apologies', 'High-risk ASB victims', 'Any other business']);
    await waitUntil(() => el.shadowRoot!.activeElement === openButton(el, 1), 'focus did not follow the item');
    openButton(el, 1).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
    openButton(el, 1).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true }));
    await el.updateComplete;
    expect(titles(doc)[0]).to.equal('Declarations of interest');
    expect(text(el.shadowRoot!.querySelector('[role=status]'))).to.match(/moved to position/);
  });

  it('steps between items with plain arrow keys', async () => {
    const el = await agenda(meetingDoc());
    openButton(el, 0).focus();
    openButton(el, 0).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(el.shadowRoot!.activeElement).to.equal(openButton(el, 1));
  });

  it('moves the selected item with its buttons, down and up again', async () => {
    const doc = meetingDoc();
    const last = itemIds(doc)[3]!;
    const el = await agenda(doc, { selected: last });
    expect(button(el, /^Move down/).disabled).to.equal(true);
    button(el, /^Move up/).click();
    await el.updateComplete;
    expect(titles(doc)).to.deep.equal(['Apologies', 'Declarations of interest', 'Any other business', 'High-risk ASB victims']);
    button(el, /^Move up/).click();
    button(el, /^Move up/).click();
    button(el, /^Move up/).click();
    expect(titles(doc)[0]).to.equal('Any other business');
    expect(button(el, /^Move up/).disabled).to.equal(false); // re-rendered below
    await el.updateComplete;
    expect(button(el, /^Move up/).disabled).to.equal(true);
  });

  it('opens an item when it is chosen', async () => {
    const doc = meetingDoc();
    const el = await agenda(doc);
    const selected = oneEvent(el, 'item-selected');
    openButton(el, 2).click();
    expect((await selected).detail).to.equal(itemIds(doc)[2]);
  });

  it('offers to add an item, and announces where it went', async () => {
    const doc = meetingDoc();
    const el = await agenda(doc, { selected: itemIds(doc)[1]! });
    const form = el.shadowRoot!.querySelector('add-agenda-item')!;
    expect(form.selectedItemId).to.equal(itemIds(doc)[1]);
    form.shadowRoot!.querySelector<HTMLInputElement>('#new-title')!.value = 'Knife crime hotspots';
    form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[role=status]'))).to.equal('Knife crime hotspots added to the agenda as item 4');
  });

  it('renames an item inline: Enter saves, Escape cancels', async () => {
    const doc = meetingDoc();
    const el = await agenda(doc);
    button(el, /^Rename/).click();
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[id^=rename-]')!;
    expect(el.shadowRoot!.activeElement).to.equal(input);
    input.value = 'Apologies for absence';
    input.form!.requestSubmit();
    await el.updateComplete;
    expect(titles(doc)[0]).to.equal('Apologies for absence');

    button(el, /^Rename/).click();
    await el.updateComplete;
    const again = el.shadowRoot!.querySelector<HTMLInputElement>('input[id^=rename-]')!;
    again.value = 'Never saved';
    again.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await el.updateComplete;
    expect(titles(doc)[0]).to.equal('Apologies for absence');
    expect(el.shadowRoot!.querySelector('input[id^=rename-]')).to.equal(null);
  });

  it('removes an item only once the user confirms', async () => {
    const doc = meetingDoc();
    const el = await agenda(doc);
    const dialog = () => el.shadowRoot!.querySelector('confirm-dialog')!.shadowRoot!;
    button(el, /^Remove/).click();
    await waitUntil(() => dialog().querySelector('dialog')?.open, 'no confirmation was asked for');
    expect(text(dialog().querySelector('h2'))).to.equal('Remove item 1?');
    dialog().querySelector<HTMLButtonElement>('button.secondary')!.click(); // Cancel
    await el.updateComplete;
    expect(agendaOf(doc).size).to.equal(4);

    button(el, /^Remove/).click();
    await waitUntil(() => dialog().querySelector('dialog')?.open);
    [...dialog().querySelectorAll('button')].find((candidate) => text(candidate) === 'Remove item')!.click();
    await waitUntil(() => agendaOf(doc).size === 3, 'the item was not removed');
    expect(titles(doc)[0]).to.equal('Declarations of interest');
  });

  it('lets the meeting’s runner set the current item and run its timer', async () => {
    const doc = meetingDoc();
    const el = await agenda(doc, { runsMeeting: true });
    button(el, /^Make current$/).click();
    await el.updateComplete;
    expect(readMeta(doc).currentItemId).to.equal(itemIds(doc)[0]);
    expect(text(items(el)[0]!.querySelector('.badge.current'))).to.equal('Current item');
    button(el, /^Start timer$/).click();
    await el.updateComplete;
    expect(readMeta(doc).timerStartedAt).to.be.a('string');
    expect(text(el.shadowRoot!.querySelector('[role=timer]'))).to.match(/^Timer: 00:0\d of 5 min$/);
    button(el, /^Stop timer$/).click();
    await el.updateComplete;
    expect(readMeta(doc).timerStartedAt).to.equal(null);
  });

  it('shows everyone the running timer, and by how much the item is over time', async () => {
    const doc = meetingDoc();
    const item = itemIds(doc)[1]!;
    metaOf(doc).set('currentItemId', item);
    metaOf(doc).set('timerStartedAt', new Date(Date.now() - (7 * 60 + 30) * 1000).toISOString());
    const el = await agenda(doc, { readonly: true });
    expect(text(el.shadowRoot!.querySelector('[role=timer]'))).to.equal('Timer: 07:30 of 5 min (02:30 over time)');
    expect(el.shadowRoot!.querySelector('[role=timer] .over')).to.exist;
  });

  it('offers no changes in read-only mode', async () => {
    const el = await agenda(meetingDoc(), { readonly: true, runsMeeting: true });
    const names = [...el.shadowRoot!.querySelectorAll('button')].map(text);
    expect(names.every((name) => name.startsWith('Item '))).to.equal(true);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expectNoAxeViolations(el);
  });

  it('has no accessibility violations while renaming', async () => {
    const el = await agenda(meetingDoc(), { runsMeeting: true });
    button(el, /^Rename/).click();
    await el.updateComplete;
    await expectNoAxeViolations(el);
  });
});
