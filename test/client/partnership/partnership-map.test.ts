import { expect, fixture, html } from '@open-wc/testing';
import '../../../client/partnership/partnership-map.js';
import type { PartnershipMap } from '../../../client/partnership/partnership-map.js';
import type { BodySummary } from '../../../shared/api.js';
import { expectNoAxeViolations } from '../axe.js';
import { bodies } from '../fake-api.js';
import { describe, it } from '../mocha.js';

async function mapOf(list: BodySummary[]) {
  const el = await fixture<PartnershipMap>(html`<partnership-map .bodies=${list}></partnership-map>`);
  await el.updateComplete;
  return el;
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<partnership-map>', () => {
  it('draws every body as a link to its page, row by row from the top tier', async () => {
    const el = await mapOf(bodies);
    const rows = [...el.shadowRoot!.querySelectorAll('.diagram ul.row')];
    expect(rows.map((row) => row.getAttribute('aria-label'))).to.deep.equal(['Tier 1', 'Tier 2', 'Tier 3', 'Tier 4']);
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.diagram a.box')];
    expect(links).to.have.length(bodies.length);
    const spb = links.find((link) => text(link).startsWith('Strategic Partnership Board'))!;
    expect(spb.getAttribute('href')).to.equal('/bodies/1');
    expect(text(rows[0])).to.contain('Strategic Partnership Board');
    expect(text(rows[3])).to.contain('Syston NAT');
  });

  it('marks the user’s own bodies in words as well as colour', async () => {
    const el = await mapOf(bodies);
    const own = [...el.shadowRoot!.querySelectorAll('a.box.own')].map(text);
    expect(own).to.have.length(3);
    expect(own).to.include.members([
      'Charnwood Community Safety Partnership Your role: Member',
      'Charnwood JAG Your role: Chair',
      'Youth JAG Your role: Chair Confidential',
    ]);
  });

  it('spells out and emphasises the escalation route to the top', async () => {
    const el = await mapOf(bodies);
    expect(text(el.shadowRoot!.querySelector('.routes'))).to.equal(
      'Your escalation route Youth JAG → Charnwood JAG → Charnwood Community Safety Partnership → Strategic Partnership Board',
    );
    const emphasised = [...el.shadowRoot!.querySelectorAll('svg path.on-route')].map((path) => [
      Number(path.getAttribute('data-from')),
      Number(path.getAttribute('data-to')),
    ]);
    expect(emphasised).to.have.deep.members([
      [8, 5],
      [5, 3],
      [3, 1],
    ]);
    const spb = el.shadowRoot!.querySelector('a.box[data-body-id="1"]')!;
    expect(text(spb)).to.contain('On your escalation route');
    expect(el.shadowRoot!.querySelector('svg path[data-from="12"]')!.classList.contains('on-route')).to.equal(false);
  });

  it('marks confidential bodies with an icon and the word', async () => {
    const el = await mapOf(bodies);
    const confidential = [...el.shadowRoot!.querySelectorAll('a.box')].filter((box) => text(box).includes('Confidential'));
    expect(confidential.map((box) => box.getAttribute('data-body-id'))).to.deep.equal(['8', '9']);
    expect(confidential[1]!.querySelector('.confidential svg')).to.exist;
  });

  it('offers the same structure as a nested list', async () => {
    const el = await mapOf(bodies);
    const details = el.shadowRoot!.querySelector('details')!;
    expect(text(details.querySelector('summary'))).to.equal('Structure as a list');
    const jagItem = [...details.querySelectorAll('li')].find((li) => li.querySelector(':scope > a')?.textContent === 'Charnwood JAG')!;
    expect(text(jagItem.querySelector(':scope > .meta'))).to.equal('(Joint Action Group, tier 3, your role: Chair)');
    const children = [...jagItem.querySelectorAll(':scope > ul > li > a')].map((a) => a.textContent);
    expect(children).to.deep.equal(['Youth JAG', 'Adults at Risk', 'People Zone People Group', 'People Zone Place Group']);
    expect(details.querySelector(':scope > ul > li > a')!.getAttribute('href')).to.equal('/bodies/1');
  });

  it('tells someone on no body that they have no route', async () => {
    const el = await mapOf(bodies.map((body) => ({ ...body, myRole: null })));
    expect(text(el.shadowRoot!.querySelector('.routes'))).to.contain('You are not a member of any body yet');
    expect(el.shadowRoot!.querySelector('a.box.own')).to.equal(null);
    expect(el.shadowRoot!.querySelector('path.on-route')).to.equal(null);
  });

  it('has no accessibility violations, with the list open too', async () => {
    const el = await mapOf(bodies);
    await expectNoAxeViolations(el);
    el.shadowRoot!.querySelector('details')!.open = true;
    await expectNoAxeViolations(el);
  });
});
