import { expect, fixture, html } from '@open-wc/testing';
import '../../../client/meeting/printable-minutes.js';
import type { PrintableMinutes } from '../../../client/meeting/printable-minutes.js';
import { expectNoAxeViolations } from '../axe.js';
import { describe, it } from '../mocha.js';
import { jagMinutes } from './minutes-fixtures.js';

const text = (el: Element | ShadowRoot | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mount(minutes = jagMinutes(), bodyId: number | null = null) {
  const el = await fixture<PrintableMinutes>(html`<printable-minutes .minutes=${minutes} .bodyId=${bodyId}></printable-minutes>`);
  return { el, root: el.shadowRoot! };
}

describe('<printable-minutes>', () => {
  it('heads the minutes as a council does and numbers items on from the body’s series, leaving out empty ones', async () => {
    const { el, root } = await mount();
    expect(text(root.querySelector('h1'))).to.equal(
      'Minutes of the meeting of Charnwood Joint Action Group held at Loughborough Police Station on Tuesday 17 November 2026 at 10.00am',
    );
    const items = [...root.querySelectorAll('.item > h2')].map(text);
    expect(items).to.deep.equal(['16. ANTI-SOCIAL BEHAVIOUR HOTSPOTS', '17. NAMED INDIVIDUAL: CASE REVIEW']);
    expect(text(root)).not.to.contain('No minutes were recorded');
    expect(text(root)).not.to.contain('Draft');
    expect(text(root)).to.contain('Date of next meeting Tuesday 15 December 2026 at 10.00am');
    expect(text(root)).to.contain('Chair ……………………………… Date ………………');
    await expectNoAxeViolations(el);
  });

  it('shows each decision as RESOLVED with its reason, and the actions table', async () => {
    const { root } = await mount();
    const resolved = root.querySelector('.resolved')!;
    expect([...resolved.querySelectorAll('p')].map(text)).to.deep.equal(['RESOLVED that the police lead a review of the order', 'Reason', 'Reports doubled in October.']);
    const cells = [...root.querySelectorAll('tbody td')].map(text);
    expect(cells).to.deep.equal(['JAG-7', 'Review the dispersal order', 'Insp. Tom Hughes', 'Leicestershire Police', '01/03/2027']);
    expect([...root.querySelectorAll('th')].map(text)).to.deep.equal(['Reference', 'Action', 'Owner', 'Lead agency', 'Due']);
  });

  it('keeps hostile minutes inert: no scripts, handlers, images or javascript: links', async () => {
    const { root } = await mount();
    expect(root.querySelectorAll('script, img, svg, style:not([data-lit])')).to.have.length(0);
    for (const link of root.querySelectorAll('a')) expect(link.getAttribute('href') ?? '').not.to.match(/script:/i);
    expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('marks Part II business OFFICIAL-SENSITIVE top and bottom in the full version', async () => {
    const { root } = await mount();
    const markings = [...root.querySelectorAll('.marking')].map(text);
    expect(markings).to.deep.equal(['OFFICIAL-SENSITIVE', 'Part II — OFFICIAL-SENSITIVE', 'OFFICIAL-SENSITIVE']);
    expect(text(root)).to.contain('J. Smith');
  });

  it('redacts Part II items in the public version, keeping their number', async () => {
    const { el, root } = await mount(jagMinutes('public'));
    expect(text(root)).to.contain('Item 17: exempt information — not for publication');
    for (const secret of ['J. Smith', 'referral', 'NAMED INDIVIDUAL', 'OFFICIAL-SENSITIVE']) expect(text(root)).not.to.contain(secret);
    await expectNoAxeViolations(el);
  });

  it('says a working copy is a draft that may still change', async () => {
    const { root } = await mount(jagMinutes('full', 'live'));
    expect(text(root.querySelector('.note'))).to.equal('Draft: these minutes may still change until they are confirmed as a correct record.');
  });

  it('links each action to its body’s action log and says how it stands today, on screen only', async () => {
    const minutes = jagMinutes();
    minutes.actions = [
      { ...minutes.actions[0]!, state: { actionId: 'a7', status: 'escalated', overdue: true, escalationLink: '/escalations/12' } },
      { ...minutes.actions[0]!, actionId: 'a8', reference: 'JAG-8', state: { actionId: 'a8', status: 'in-progress', overdue: true, escalationLink: null } },
      { ...minutes.actions[0]!, actionId: 'a9', reference: 'JAG-9', state: { actionId: 'a9', status: 'done', overdue: false, escalationLink: null } },
    ];
    const { el, root } = await mount(minutes, 5);
    expect([...root.querySelectorAll('th')].map(text)).to.deep.equal(['Reference', 'Action', 'Owner', 'Lead agency', 'Due', 'Today']);
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.map((row) => row.querySelector('td a')!.getAttribute('href'))).to.deep.equal(['/bodies/5/actions', '/bodies/5/actions', '/bodies/5/actions']);
    expect(rows.map((row) => text(row.querySelector('td.now')))).to.deep.equal(['Escalated', 'Overdue', 'Done']);
    expect(rows[0]!.querySelector('td.now a')!.getAttribute('href')).to.equal('/escalations/12');
    await expectNoAxeViolations(el);
  });

  it('states how the minutes were confirmed, which version this is and its hash, and why an item is exempt', async () => {
    const minutes = jagMinutes();
    minutes.confirmation = {
      atMeeting: 'Tuesday 15 December 2026',
      atMeetingId: 43,
      movedBy: 'PC Dan Moore',
      secondedBy: 'Sam Patel',
      signedBy: 'Priya Shah (Chair)',
      confirmedAt: '2026-12-15T11:00:00.000Z',
    };
    minutes.revision = { number: 2, hash: 'ab'.repeat(32), reason: 'Item 16 misnamed the order', createdAt: '2027-01-12T11:00:00.000Z', createdBy: 'Alice Carter', publishedAt: null };
    minutes.items[1] = { ...minutes.items[1]!, exemptionReason: 'Paragraph 1: information relating to any individual' };
    const { el, root } = await mount(minutes);
    expect([...root.querySelectorAll('.confirmation p')].map((line) => text(line))).to.deep.equal([
      'Confirmed as a correct record at the meeting held on Tuesday 15 December 2026.',
      'Moved by PC Dan Moore; seconded by Sam Patel.',
      'Signed: Priya Shah (Chair)',
    ]);
    expect(text(root)).not.to.contain('Chair ………');
    expect(text(root.querySelector('.version-line'))).to.equal(
      `Version 2 — corrected on 12 January 2027: Item 16 misnamed the order. SHA-256: ${'ab'.repeat(32)}`,
    );
    expect(text(root)).to.contain('Part II — OFFICIAL-SENSITIVE — exempt under Paragraph 1: information relating to any individual');
    await expectNoAxeViolations(el);

    const publicMinutes = jagMinutes('public');
    publicMinutes.items[1] = { ...publicMinutes.items[1]!, exemptionReason: 'Paragraph 1: information relating to any individual' };
    const redacted = await mount(publicMinutes);
    expect(text(redacted.root)).to.contain('Item 17: exempt information — not for publication (Paragraph 1: information relating to any individual)');
  });
});
