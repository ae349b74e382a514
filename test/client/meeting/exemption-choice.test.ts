import { expect, fixture, html } from '@open-wc/testing';
import type * as Y from 'yjs';
import '../../../client/meeting/agenda-list.js';
import type { AgendaList } from '../../../client/meeting/agenda-list.js';
import { meetingStoreFor } from '../../../client/meeting/meeting-store.js';
import { agendaOf, readAgenda } from '../../../shared/meeting-doc.js';
import { expectNoAxeViolations } from '../axe.js';
import { itemIds, meetingDoc, remoteEdit } from '../meeting-fixtures.js';
import { describe, it } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The JAG's agenda with its third item (High-risk ASB victims) taken in Part II. */
function partTwoDoc(): Y.Doc {
  const doc = meetingDoc('closed');
  agendaOf(doc).get(itemIds(doc)[2]!)!.set('partTwo', true);
  return doc;
}

describe('Part II exemption paragraph', () => {
  async function agenda(doc: Y.Doc, selected: string, readonly = false) {
    return fixture<AgendaList>(html`<agenda-list .store=${meetingStoreFor(doc)} .selectedItemId=${selected} ?readonly=${readonly}></agenda-list>`);
  }

  it('lets those who edit the agenda choose the Schedule 12A paragraph, written to the item', async () => {
    const doc = partTwoDoc();
    const itemId = itemIds(doc)[2]!;
    const el = await agenda(doc, itemId);
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select')!;
    expect(text(el.shadowRoot!.querySelector(`label[for="${select.id}"]`))).to.equal('Exempt under Schedule 12A (item 3)');
    expect(select.selectedOptions[0]!.textContent!.trim()).to.equal('Not chosen');
    expect(select.options).to.have.length(8);
    await expectNoAxeViolations(el);

    select.value = '7';
    select.dispatchEvent(new Event('change'));
    expect(readAgenda(doc)[2]!.exemptionParagraph).to.equal(7);
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('select')!.selectedOptions[0])).to.equal(
      'Paragraph 7: information relating to the prevention, investigation or prosecution of crime',
    );

    select.value = '';
    select.dispatchEvent(new Event('change'));
    expect(readAgenda(doc)[2]!.exemptionParagraph).to.equal(null);
  });

  it('is not offered for an item that is not Part II', async () => {
    const doc = partTwoDoc();
    const el = await agenda(doc, itemIds(doc)[1]!);
    expect(el.shadowRoot!.querySelector('select')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.exemption')).to.equal(null);
  });

  it('shows members the paragraph chosen, as text', async () => {
    const doc = partTwoDoc();
    const itemId = itemIds(doc)[2]!;
    const el = await agenda(doc, itemId, true);
    expect(el.shadowRoot!.querySelector('select')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('.exemption'))).to.equal('Exempt from publication: no paragraph of Schedule 12A chosen yet');
    remoteEdit(doc, (remote) => agendaOf(remote).get(itemId)!.set('exemptionParagraph', 1));
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('.exemption'))).to.equal('Exempt from publication: Paragraph 1: information relating to any individual');
    await expectNoAxeViolations(el);
  });
});
