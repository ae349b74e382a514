import { expect, fixture, html } from '@open-wc/testing';
import * as Y from 'yjs';
import '../../../client/meeting/add-agenda-item.js';
import type { AddAgendaItem } from '../../../client/meeting/add-agenda-item.js';
import { meetingStoreFor } from '../../../client/meeting/meeting-store.js';
import { agendaOf, readAgenda } from '../../../shared/meeting-doc.js';
import { standardAgenda } from '../../../shared/meetings.js';
import { expectNoAxeViolations } from '../axe.js';
import { itemIds, meetingDoc } from '../meeting-fixtures.js';
import { describe, it } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const titles = (doc: Y.Doc) => readAgenda(doc).map((item) => item.title);

describe('<add-agenda-item>', () => {
  async function form(doc: Y.Doc, selectedItemId: string | null = null) {
    return fixture<AddAgendaItem>(html`<add-agenda-item .store=${meetingStoreFor(doc)} .selectedItemId=${selectedItemId}></add-agenda-item>`);
  }
  const submit = (el: AddAgendaItem) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();

  it('checks the title against the document’s rules', async () => {
    const doc = meetingDoc();
    const el = await form(doc);
    const root = el.shadowRoot!;
    const title = root.querySelector<HTMLInputElement>('#new-title')!;
    expect(title.maxLength).to.equal(200);
    submit(el);
    await el.updateComplete;
    expect(text(root.querySelector('#new-title-error'))).to.equal('Enter a title for the item');
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    title.value = 'x'.repeat(201);
    submit(el);
    await el.updateComplete;
    expect(text(root.querySelector('#new-title-error'))).to.equal('Title is longer than 200 characters');
    expect(agendaOf(doc).size).to.equal(4);
    await expectNoAxeViolations(el);
  });

  it('puts a new item before “Any other business” and “Date of next meeting”, not after them', async () => {
    const doc = meetingDoc('live', standardAgenda([{ title: 'High-risk ASB victims', minutesAllotted: 15 }]));
    const el = await form(doc);
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('#new-title')!.value = '  Knife crime hotspots  ';
    root.querySelector<HTMLInputElement>('#new-minutes')!.value = '20';
    root.querySelector<HTMLInputElement>('input[name=partTwo]')!.checked = true;
    submit(el);
    await el.updateComplete;
    expect(titles(doc).slice(-4)).to.deep.equal(['High-risk ASB victims', 'Knife crime hotspots', 'Any other business', 'Date of next meeting']);
    const added = readAgenda(doc).find((item) => item.title === 'Knife crime hotspots')!;
    expect([added.minutesAllotted, added.partTwo]).to.deep.equal([20, true]);
    expect(root.querySelector('#new-title-error')).to.equal(null);
  });

  it('can put the new item straight after the one that is open', async () => {
    const doc = meetingDoc();
    const el = await form(doc, itemIds(doc)[0]!);
    const root = el.shadowRoot!;
    const place = root.querySelector<HTMLSelectElement>('#new-place')!;
    expect([...place.options].map(text)).to.deep.equal([
      'Before the closing items (Any other business, Date of next meeting)',
      'After “Apologies”',
    ]);
    place.value = itemIds(doc)[0]!;
    root.querySelector<HTMLInputElement>('#new-title')!.value = 'Late apologies';
    submit(el);
    await el.updateComplete;
    expect(titles(doc)).to.deep.equal(['Apologies', 'Late apologies', 'Declarations of interest', 'High-risk ASB victims', 'Any other business']);
    await expectNoAxeViolations(el);
  });
});
