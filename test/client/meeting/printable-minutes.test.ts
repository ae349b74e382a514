import { expect, fixture, html } from '@open-wc/testing';
import '../../../client/meeting/printable-minutes.js';
import type { PrintableMinutes } from '../../../client/meeting/printable-minutes.js';
import { expectNoAxeViolations } from '../axe.js';
import { describe, it } from '../mocha.js';
import { jagMinutes } from './minutes-fixtures.js';

const text = (el: Element | ShadowRoot | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mount(minutes = jagMinutes()) {
  const el = await fixture<PrintableMinutes>(html`<printable-minutes .minutes=${minutes}></printable-minutes>`);
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
    expect(text(root)).to.contain('17. Item 17: exempt information — not for publication');
    for (const secret of ['J. Smith', 'referral', 'NAMED INDIVIDUAL', 'OFFICIAL-SENSITIVE']) expect(text(root)).not.to.contain(secret);
    await expectNoAxeViolations(el);
  });

  it('says a meeting not yet closed gives draft minutes', async () => {
    const { root } = await mount(jagMinutes('full', 'live'));
    expect(text(root.querySelector('.note'))).to.equal('Draft: the meeting has not been closed, so these minutes may still change.');
  });
});
