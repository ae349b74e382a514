import { expect, fixture, html } from '@open-wc/testing';
import * as Y from 'yjs';
import '../../../client/meeting/declarations-panel.js';
import type { DeclarationsPanel } from '../../../client/meeting/declarations-panel.js';
import { readMeetingDoc } from '../../../shared/meeting-doc.js';
import type { Role } from '../../../shared/roles.js';
import { expectNoAxeViolations } from '../axe.js';
import { jagDetail } from '../fake-api.js';
import { itemIds, meetingDoc } from '../meeting-fixtures.js';
import { describe, it } from '../mocha.js';
import { meetingStoreFor } from '../../../client/meeting/meeting-store.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const members = jagDetail.access === 'full' ? jagDetail.members : [];

describe('<declarations-panel>', () => {
  /** The panel as a person sees it: by default a member (user 10), who declares only in their own name. */
  async function panel(doc: Y.Doc, readonly = false, role: Role = 'member') {
    return fixture<DeclarationsPanel>(
      html`<declarations-panel
        .store=${meetingStoreFor(doc)}
        .members=${members}
        .myRole=${role}
        .phase=${'live'}
        user-id="10"
        ?readonly=${readonly}
      ></declarations-panel>`,
    );
  }

  const memberChoices = (el: DeclarationsPanel) =>
    [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#declaration-member option')].map((option) => Number(option.value));

  it('lets a member declare only in their own name, and the secretariat record anyone’s', async () => {
    expect(memberChoices(await panel(meetingDoc()))).to.deep.equal([10]);
    expect(memberChoices(await panel(meetingDoc(), false, 'secretariat'))).to.have.length(members.length);
  });

  it('records a declaration by a member about an item', async () => {
    const doc = meetingDoc();
    const el = await panel(doc);
    const root = el.shadowRoot!;
    expect(root.querySelector<HTMLSelectElement>('#declaration-member')!.value).to.equal('10');
    const submit = root.querySelector<HTMLButtonElement>('button[type=submit]')!;
    submit.click();
    await el.updateComplete;
    expect(text(root.querySelector('#interest-error'))).to.equal('Describe the interest being declared');
    expect(readMeetingDoc(doc).declarations).to.have.length(0);

    const item = itemIds(doc)[2]!;
    root.querySelector<HTMLSelectElement>('#declaration-item')!.value = item;
    root.querySelector<HTMLTextAreaElement>('#declaration-interest')!.value = 'Lives on the estate under discussion';
    submit.click();
    await el.updateComplete;
    const [declaration] = readMeetingDoc(doc).declarations;
    expect(declaration).to.include({ userId: 10, itemId: item, interest: 'Lives on the estate under discussion' });
    expect(text(root.querySelector('ul.declarations li'))).to.contain('PC Dan Moore (Police) Item: High-risk ASB victims');
    await expectNoAxeViolations(el);
  });

  it('shows declarations without a form in read-only mode', async () => {
    const doc = meetingDoc();
    const writable = await panel(doc);
    writable.shadowRoot!.querySelector<HTMLTextAreaElement>('#declaration-interest')!.value = 'Trustee of a local charity';
    writable.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const el = await panel(doc, true);
    expect(text(el.shadowRoot!.querySelector('li'))).to.equal('PC Dan Moore (Police) The meeting as a whole Trustee of a local charity');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(el.shadowRoot!.querySelector('li button')).to.equal(null);
    await expectNoAxeViolations(el);
  });
});
