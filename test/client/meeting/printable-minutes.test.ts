import { expect, fixture, html } from '@open-wc/testing';
import * as Y from 'yjs';
import '../../../client/meeting/printable-minutes.js';
import type { PrintableMinutes } from '../../../client/meeting/printable-minutes.js';
import { addDecision, addDeclaration, addItem, setAttendance, setDecisionText } from '../../../client/meeting/meeting-edits.js';
import { minutesTextOf } from '../../../client/meeting/minutes-edits.js';
import type { MeetingResponse } from '../../../shared/api.js';
import { formatDateTime } from '../../../shared/dates.js';
import { agendaOf } from '../../../shared/meeting-doc.js';
import type { MeetingStatus } from '../../../shared/meetings.js';
import { expectNoAxeViolations } from '../axe.js';
import { bodyById, jagDetail } from '../fake-api.js';
import { itemIds, meetingDoc } from '../meeting-fixtures.js';
import { describe, it } from '../mocha.js';
import { meetingStoreFor } from '../../../client/meeting/meeting-store.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const members = jagDetail.access === 'full' ? jagDetail.members : [];

function meetingResponse(status: MeetingStatus = 'closed'): MeetingResponse {
  return {
    meeting: {
      id: 42,
      bodyId: 5,
      title: 'JAG December meeting',
      startsAt: '2026-12-10T10:00:00.000Z',
      location: 'Southfields, Loughborough',
      status,
      startedAt: null,
      closedAt: null,
    },
    body: { ...bodyById(5), myRole: 'member' },
    docName: 'meeting.42',
    access: 'read',
    canRunMeeting: false,
  };
}

/** A closed meeting with minutes, a decision, attendance, declarations and a Part II item. */
function writtenUpMeeting(): { doc: Y.Doc; partTwoId: string } {
  const doc = meetingDoc('closed');
  const [apologies, , asb] = itemIds(doc);
  minutesTextOf(doc, apologies!)!.insert(0, 'Apologies from the **fire service**.');
  minutesTextOf(doc, asb!)!.insert(0, '## Hotspots\n- Shelthorpe\n- Hastings ward');
  agendaItemSet(doc, asb!, 'presenter', 'Insp. Tom Hughes');
  const decision = addDecision(doc, asb!);
  setDecisionText(doc, asb!, decision, 'RESOLVED that a dispersal order be sought for Shelthorpe.');
  addDecision(doc, asb!); // never worded: left out of the minutes
  setDecisionText(doc, asb!, addDecision(doc, asb!), 'the police lead a review of the order in March.');
  const partTwoId = addItem(doc, { title: 'Named individual: case review', minutesAllotted: 10, partTwo: true });
  minutesTextOf(doc, partTwoId)!.insert(0, 'Case discussed in confidence.');
  setAttendance(doc, 8, 'present');
  setAttendance(doc, 7, 'present');
  setAttendance(doc, 11, 'apologies');
  setAttendance(doc, 12, 'absent');
  addDeclaration(doc, { userId: 10, itemId: null, interest: 'Lives in Shelthorpe' });
  addDeclaration(doc, { userId: 9, itemId: partTwoId, interest: 'Knows the family' });
  return { doc, partTwoId };
}

function agendaItemSet(doc: Y.Doc, itemId: string, field: string, value: unknown) {
  agendaOf(doc).get(itemId)!.set(field, value);
}

describe('<printable-minutes>', () => {
  async function minutes(doc: Y.Doc, response = meetingResponse()) {
    return fixture<PrintableMinutes>(html`<printable-minutes .store=${meetingStoreFor(doc)} .meeting=${response} .members=${members}></printable-minutes>`);
  }
  const headings = (el: PrintableMinutes) => [...el.shadowRoot!.querySelectorAll('.item > h2')].map(text);
  const checkbox = (el: PrintableMinutes) => el.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]');

  it('heads the minutes with the body, the time in UK time and the place', async () => {
    const el = await minutes(writtenUpMeeting().doc);
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h1'))).to.equal(`Minutes of the ${bodyById(5).name} meeting`);
    expect(text(root.querySelector('.facts time'))).to.equal(formatDateTime('2026-12-10T10:00:00.000Z'));
    expect(text(root.querySelector('.facts time'))).to.equal('Thu 10/12/2026, 10:00');
    expect(text(root.querySelector('.facts'))).to.match(/Southfields, Loughborough$/);
    expect(root.querySelector('.draft')).to.equal(null);
    await expectNoAxeViolations(el);
  });

  it('marks the minutes of a meeting that has not closed as a draft', async () => {
    const el = await minutes(meetingDoc('live'), meetingResponse('live'));
    expect(text(el.shadowRoot!.querySelector('.draft'))).to.match(/^Draft/);
  });

  it('lists who was present and who sent apologies, with their agency', async () => {
    const el = await minutes(writtenUpMeeting().doc);
    const list = (id: string) => [...el.shadowRoot!.querySelectorAll(`section[aria-labelledby=${id}] li`)].map(text);
    expect(list('present-heading')).to.deep.equal([
      'Priya Shah — Charnwood Borough Council',
      'Insp. Tom Hughes — Leicestershire Police',
    ]);
    expect(list('apologies-heading')).to.deep.equal(['Sam Patel — Leicestershire Fire and Rescue Service']);
    expect(text(el.shadowRoot!.querySelector('section[aria-labelledby=declarations-heading] li'))).to.equal(
      'PC Dan Moore — Leicestershire Police (the meeting as a whole): Lives in Shelthorpe',
    );
  });

  it('says so when nobody is recorded', async () => {
    const el = await minutes(meetingDoc('closed'));
    expect(text(el.shadowRoot!.querySelector('section[aria-labelledby=present-heading] p'))).to.equal('None recorded.');
    expect(text(el.shadowRoot!.querySelector('section[aria-labelledby=declarations-heading] p'))).to.equal('None were declared.');
  });

  it('numbers the items in running order, with presenter, minutes as formatted text and resolutions', async () => {
    const el = await minutes(writtenUpMeeting().doc);
    expect(headings(el)).to.deep.equal([
      '1. Apologies',
      '2. Declarations of interest',
      '3. High-risk ASB victims',
      '4. Named individual: case review',
      '5. Any other business',
    ]);
    const items = el.shadowRoot!.querySelectorAll('.item');
    expect(items[0]!.querySelector('.minutes-text strong')!.textContent).to.equal('fire service');
    expect(text(items[1]!.querySelector('.none'))).to.equal('No minutes were recorded.');
    const asb = items[2]!;
    expect(text(asb.querySelector('.presenter'))).to.equal('Presented by Insp. Tom Hughes');
    expect([...asb.querySelectorAll('.minutes-text li')].map(text)).to.deep.equal(['Shelthorpe', 'Hastings ward']);
    // "RESOLVED that" once, whether or not the chair typed it.
    expect([...asb.querySelectorAll('.resolved')].map(text)).to.deep.equal([
      'RESOLVED that a dispersal order be sought for Shelthorpe.',
      'RESOLVED that the police lead a review of the order in March.',
    ]);
    expect(asb.querySelector('.resolved strong')!.textContent).to.equal('RESOLVED');
  });

  it('keeps up with changes to the document', async () => {
    const { doc } = writtenUpMeeting();
    const el = await minutes(doc);
    addItem(doc, { title: 'Community trigger review', minutesAllotted: 2, partTwo: false });
    await el.updateComplete;
    expect(headings(el).slice(-2)).to.deep.equal(['5. Community trigger review', '6. Any other business']);
  });

  it('sanitises the minutes: no scripts, no event handlers', async () => {
    const doc = meetingDoc('closed');
    const [first] = itemIds(doc);
    (window as unknown as { pwned?: boolean }).pwned = false;
    minutesTextOf(doc, first!)!.insert(
      0,
      'Noted.\n<script>window.pwned = true</script>\n<img src=x onerror="window.pwned = true">\n<a href="javascript:window.pwned=true" onclick="window.pwned=true">link</a>',
    );
    const el = await minutes(doc);
    const minutesText = el.shadowRoot!.querySelector('.minutes-text')!;
    expect(minutesText.querySelector('script')).to.equal(null);
    expect(minutesText.querySelector('img')).to.equal(null);
    expect(minutesText.innerHTML).not.to.match(/onerror|onclick|javascript:/i);
    expect(text(minutesText)).to.contain('Noted.');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as unknown as { pwned?: boolean }).pwned).to.equal(false);
  });

  it('labels Part II items, and leaves them and their declarations out when asked', async () => {
    const el = await minutes(writtenUpMeeting().doc);
    const root = el.shadowRoot!;
    const items = () => [...root.querySelectorAll('.item')];
    expect(text(items()[3]!.querySelector('.part-two'))).to.equal('Part II (confidential)');
    expect(items().filter((item) => item.querySelector('.part-two'))).to.have.length(1);
    const declarations = () => [...root.querySelectorAll('section[aria-labelledby=declarations-heading] li')].map(text);
    expect(declarations()[1]).to.equal('Alice Carter — Charnwood Borough Council (item 4, Named individual: case review): Knows the family');

    const box = checkbox(el)!;
    expect(box.checked).to.equal(false);
    expect(text(box.closest('label'))).to.equal('Leave out Part II items');
    box.click();
    await el.updateComplete;
    expect(headings(el)).to.deep.equal([
      '1. Apologies',
      '2. Declarations of interest',
      '3. High-risk ASB victims',
      '5. Any other business',
    ]);
    expect(text(root.querySelector('article'))).not.to.contain('Named individual');
    expect(text(root.querySelector('article'))).not.to.contain('Case discussed in confidence');
    expect(declarations()).to.have.length(1);
    expect(text(root.querySelector('article > p.none'))).to.equal('One Part II (confidential) item is left out of this version.');
    await expectNoAxeViolations(el);

    box.click();
    await el.updateComplete;
    expect(headings(el)).to.have.length(5);
  });

  it('offers no Part II choice when there are no Part II items', async () => {
    const el = await minutes(meetingDoc('closed'));
    expect(checkbox(el)).to.equal(null);
  });
});
