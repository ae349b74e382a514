import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import * as Y from 'yjs';
import '../../../client/meeting/decisions-list.js';
import type { DecisionsList } from '../../../client/meeting/decisions-list.js';
import { decisionTextOf } from '../../../client/meeting/meeting-edits.js';
import { meetingStoreFor } from '../../../client/meeting/meeting-store.js';
import { agendaOf, readAgenda } from '../../../shared/meeting-doc.js';
import { expectNoAxeViolations } from '../axe.js';
import { itemIds, meetingDoc, remoteEdit } from '../meeting-fixtures.js';
import { describe, it } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<decisions-list>', () => {
  async function list(doc: Y.Doc, readonly = false) {
    return fixture<DecisionsList>(
      html`<decisions-list .store=${meetingStoreFor(doc)} item-id=${itemIds(doc)[2]!} ?readonly=${readonly}></decisions-list>`,
    );
  }
  const decisions = (doc: Y.Doc) => readAgenda(doc)[2]!.decisions.map((decision) => decision.text);

  it('adds an empty decision, typed live, and shows it in the minutes with “RESOLVED that” once', async () => {
    const doc = meetingDoc();
    const el = await list(doc);
    expect(text(el.shadowRoot!.querySelector('.empty'))).to.equal('No decisions recorded for this item.');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.secondary')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.localName === 'textarea', 'the new decision did not take focus');
    const field = el.shadowRoot!.activeElement as HTMLTextAreaElement;
    expect(decisions(doc)).to.deep.equal(['']);
    expect(field.value).to.equal('');
    expect(text(el.shadowRoot!.querySelector(`label[for=${field.id}]`))).to.equal('Decision 1');

    await sendKeys({ type: 'the police lead a dispersal order review.' });
    // Saved as typed: no blur needed.
    expect(decisions(doc)).to.deep.equal(['the police lead a dispersal order review.']);
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('.as-minuted'))).to.equal('In the minutes: RESOLVED that the police lead a dispersal order review.');
    await expectNoAxeViolations(el);
  });

  it('keeps both people’s words when two word one decision at once, and the caret where it was', async () => {
    const doc = meetingDoc();
    const el = await list(doc);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.secondary')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.localName === 'textarea');
    await sendKeys({ type: 'a dispersal order be sought' });
    const decisionId = readAgenda(doc)[2]!.decisions[0]!.id;
    remoteEdit(doc, (remote) => decisionTextOf(remote, itemIds(remote)[2]!, decisionId)!.insert(0, 'RESOLVED that '));
    await sendKeys({ type: ' for Shelthorpe' });
    const field = el.shadowRoot!.querySelector('textarea')!;
    expect(decisions(doc)).to.deep.equal(['RESOLVED that a dispersal order be sought for Shelthorpe']);
    expect(field.value).to.equal('RESOLVED that a dispersal order be sought for Shelthorpe');
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('.as-minuted'))).to.equal('In the minutes: RESOLVED that a dispersal order be sought for Shelthorpe');
  });

  it('shows a decision recorded before decisions were live, and makes it live when someone types in it', async () => {
    const doc = meetingDoc();
    const old = new Y.Map<unknown>();
    doc.transact(() => {
      (agendaOf(doc).get(itemIds(doc)[2]!)!.get('decisions') as Y.Array<Y.Map<unknown>>).push([old]);
      old.set('id', 'old');
      old.set('text', 'RESOLVED that the report be noted.');
    });
    const el = await list(doc);
    const field = el.shadowRoot!.querySelector('textarea')!;
    expect(field.value).to.equal('RESOLVED that the report be noted.');
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
    await el.updateComplete;
    await sendKeys({ type: ' Agreed.' });
    expect(old.get('text')).to.be.instanceOf(Y.Text);
    expect(decisions(doc)).to.deep.equal(['RESOLVED that the report be noted. Agreed.']);
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

  it('shows decisions as resolutions in read-only mode', async () => {
    const doc = meetingDoc();
    const store = meetingStoreFor(doc);
    store.setDecisionText(itemIds(doc)[2]!, store.addDecision(itemIds(doc)[2]!), 'the report be noted.');
    const el = await list(doc, true);
    expect(text(el.shadowRoot!.querySelector('li'))).to.equal('RESOLVED that the report be noted.');
    expect(el.shadowRoot!.querySelector('textarea, button')).to.equal(null);
    await expectNoAxeViolations(el);
  });
});
