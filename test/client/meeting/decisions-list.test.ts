import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import * as Y from 'yjs';
import '../../../client/meeting/decisions-list.js';
import type { DecisionsList } from '../../../client/meeting/decisions-list.js';
import { readAgenda } from '../../../shared/meeting-doc.js';
import { expectNoAxeViolations } from '../axe.js';
import { itemIds, meetingDoc } from '../meeting-fixtures.js';
import { describe, it } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<decisions-list>', () => {
  async function list(doc: Y.Doc, readonly = false) {
    return fixture<DecisionsList>(html`<decisions-list .doc=${doc} item-id=${itemIds(doc)[2]!} ?readonly=${readonly}></decisions-list>`);
  }
  const decisions = (doc: Y.Doc) => readAgenda(doc)[2]!.decisions.map((decision) => decision.text);

  it('adds a decision starting “RESOLVED that ”, with the caret ready at its end', async () => {
    const doc = meetingDoc();
    const el = await list(doc);
    expect(text(el.shadowRoot!.querySelector('.empty'))).to.equal('No decisions recorded for this item.');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.secondary')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.localName === 'textarea', 'the new decision did not take focus');
    const field = el.shadowRoot!.activeElement as HTMLTextAreaElement;
    expect(decisions(doc)).to.deep.equal(['RESOLVED that ']);
    expect(field.value).to.equal('RESOLVED that ');
    expect(field.selectionStart).to.equal('RESOLVED that '.length);
    expect(text(el.shadowRoot!.querySelector(`label[for=${field.id}]`))).to.equal('Decision 1');

    field.value = 'RESOLVED that the police lead a dispersal order review.';
    field.dispatchEvent(new Event('change'));
    expect(decisions(doc)).to.deep.equal(['RESOLVED that the police lead a dispersal order review.']);
    await expectNoAxeViolations(el);
  });

  it('removes a decision once confirmed', async () => {
    const doc = meetingDoc();
    const el = await list(doc);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.secondary')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('li button.warning')!.click();
    const dialog = el.shadowRoot!.querySelector('confirm-dialog')!.shadowRoot!;
    await waitUntil(() => dialog.querySelector('dialog')?.open);
    dialog.querySelector<HTMLButtonElement>('button.warning')!.click();
    await waitUntil(() => decisions(doc).length === 0, 'the decision was not removed');
  });

  it('shows decisions as text in read-only mode', async () => {
    const doc = meetingDoc();
    const writable = await list(doc);
    writable.shadowRoot!.querySelector<HTMLButtonElement>('button.secondary')!.click();
    const el = await list(doc, true);
    expect(text(el.shadowRoot!.querySelector('li'))).to.equal('RESOLVED that');
    expect(el.shadowRoot!.querySelector('textarea, button')).to.equal(null);
    await expectNoAxeViolations(el);
  });
});
