import { expect, fixture, html } from '@open-wc/testing';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import '../../../client/meeting/minutes-editor.js';
import type { MinutesEditor } from '../../../client/meeting/minutes-editor.js';
import { minutesTextOf } from '../../../client/meeting/minutes-edits.js';
import { expectNoAxeViolations } from '../axe.js';
import { itemIds, meetingDoc, remoteEdit } from '../meeting-fixtures.js';
import { describe, it, afterEach } from '../mocha.js';
import { meetingStoreFor } from '../../../client/meeting/meeting-store.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<minutes-editor>', () => {
  let awareness: Awareness | undefined;
  afterEach(() => awareness?.destroy());

  async function editor(initial = '', { readonly = false } = {}) {
    const doc = meetingDoc();
    const itemId = itemIds(doc)[0]!;
    minutesTextOf(doc, itemId)!.insert(0, initial);
    awareness = new Awareness(doc);
    const el = await fixture<MinutesEditor>(
      html`<minutes-editor .store=${meetingStoreFor(doc)} .awareness=${awareness} item-id=${itemId} ?readonly=${readonly}></minutes-editor>`,
    );
    const textarea = el.shadowRoot!.querySelector('textarea')!;
    return { el, doc, itemId, textarea, ytext: minutesTextOf(doc, itemId)! };
  }

  /** Types as the browser would: the value changes, the caret lands after the text, an input event fires. */
  function typeAt(textarea: HTMLTextAreaElement, position: number, typed: string) {
    textarea.focus();
    textarea.value = textarea.value.slice(0, position) + typed + textarea.value.slice(position);
    textarea.setSelectionRange(position + typed.length, position + typed.length);
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }

  function remoteInsert(doc: Y.Doc, itemId: string, index: number, inserted: string) {
    remoteEdit(doc, (remote) => minutesTextOf(remote, itemId)!.insert(index, inserted));
  }

  it('shows the item’s minutes under a label naming the item', async () => {
    const { el, textarea } = await editor('Police reported a rise in ASB.');
    expect(textarea.value).to.equal('Police reported a rise in ASB.');
    expect(text(el.shadowRoot!.querySelector('label[for=minutes]'))).to.equal('Minutes of Apologies');
    expect(text(el.shadowRoot!.querySelector('.count'))).to.equal('30 of 100,000 characters');
  });

  it('writes typing into the shared text as the smallest change', async () => {
    const { textarea, ytext } = await editor('aa');
    const changes: unknown[] = [];
    ytext.observe((event) => changes.push(event.delta));
    typeAt(textarea, 1, 'a');
    expect(ytext.toString()).to.equal('aaa');
    expect(changes).to.deep.equal([[{ retain: 1 }, { insert: 'a' }]]);
    textarea.value = 'aXa';
    textarea.setSelectionRange(2, 2);
    textarea.dispatchEvent(new InputEvent('input'));
    expect(changes[1]).to.deep.equal([{ retain: 1 }, { delete: 1 }, { insert: 'X' }]);
  });

  it('keeps the caret where it was when someone inserts text before it', async () => {
    const { doc, itemId, textarea } = await editor('Hello world');
    textarea.focus();
    textarea.setSelectionRange(6, 6); // before "world"
    remoteInsert(doc, itemId, 0, 'Chair: ');
    expect(textarea.value).to.equal('Chair: Hello world');
    expect([textarea.selectionStart, textarea.selectionEnd]).to.deep.equal([13, 13]);
    expect(textarea.value.slice(textarea.selectionStart)).to.equal('world');
  });

  it('keeps the caret where it was when someone inserts text after it', async () => {
    const { doc, itemId, textarea } = await editor('Hello world');
    textarea.focus();
    textarea.setSelectionRange(5, 5);
    remoteInsert(doc, itemId, 11, '. Agreed.');
    expect(textarea.value).to.equal('Hello world. Agreed.');
    expect([textarea.selectionStart, textarea.selectionEnd]).to.deep.equal([5, 5]);
  });

  it('keeps a selection around the same words through someone else’s insert and delete', async () => {
    const { doc, itemId, textarea } = await editor('The JAG agreed the plan');
    textarea.focus();
    textarea.setSelectionRange(8, 14); // "agreed"
    remoteEdit(doc, (remote) => {
      const minutes = minutesTextOf(remote, itemId)!;
      minutes.delete(0, 4); // "The "
      minutes.insert(3, ' members');
    });
    expect(textarea.value).to.equal('JAG members agreed the plan');
    expect(textarea.value.slice(textarea.selectionStart, textarea.selectionEnd)).to.equal('agreed');
  });

  it('carries on typing where the caret was after a remote edit', async () => {
    const { doc, itemId, textarea, ytext } = await editor('Item closed');
    typeAt(textarea, 4, ' one');
    remoteInsert(doc, itemId, 0, '# ');
    typeAt(textarea, textarea.selectionStart, '!');
    expect(ytext.toString()).to.equal('# Item one! closed');
  });

  it('tells everyone which item this user is editing while the minutes have focus', async () => {
    const { textarea, itemId } = await editor();
    textarea.focus();
    expect(awareness!.getLocalState()?.editing).to.equal(itemId);
    textarea.blur();
    expect(awareness!.getLocalState()?.editing).to.equal(null);
  });

  it('can be read but not changed in read-only mode', async () => {
    const { textarea, ytext, el } = await editor('Minutes as agreed', { readonly: true });
    expect(textarea.readOnly).to.equal(true);
    textarea.value = 'Tampered';
    textarea.dispatchEvent(new InputEvent('input'));
    expect(ytext.toString()).to.equal('Minutes as agreed');
    textarea.focus();
    expect(awareness!.getLocalState()?.editing ?? null).to.equal(null);
    await expectNoAxeViolations(el);
  });

  it('previews the minutes as sanitised markdown', async () => {
    const { el, textarea } = await editor('**Resolved**\n\n<img src=x onerror=alert(1)>\n\n<script>alert(2)</script>');
    await el.updateComplete;
    const preview = el.shadowRoot!.querySelector('.preview')!;
    expect(preview.querySelector('strong')?.textContent).to.equal('Resolved');
    expect(preview.querySelector('script')).to.equal(null);
    expect(preview.querySelector('img')).to.equal(null);
    expect(preview.innerHTML).not.to.contain('onerror');
    typeAt(textarea, textarea.value.length, '\n\n- one');
    await el.updateComplete;
    expect(text(preview.querySelector('li'))).to.equal('one');
  });

  it('follows the item it is given', async () => {
    const { el, doc, textarea } = await editor('First item minutes');
    const second = itemIds(doc)[1]!;
    minutesTextOf(doc, second)!.insert(0, 'Second item minutes');
    el.itemId = second;
    await el.updateComplete;
    expect(textarea.value).to.equal('Second item minutes');
    typeAt(textarea, 0, '> ');
    expect(minutesTextOf(doc, second)!.toString()).to.equal('> Second item minutes');
    expect(minutesTextOf(doc, itemIds(doc)[0]!)!.toString()).to.equal('First item minutes');
  });

  it('has no accessibility violations', async () => {
    const { el } = await editor('Some **minutes**');
    await expectNoAxeViolations(el);
  });
});
