import { expect, fixture, html } from '@open-wc/testing';
import '../../../client/escalations/escalation-trail.js';
import type { EscalationTrail } from '../../../client/escalations/escalation-trail.js';
import { formatDateTime } from '../../../shared/dates.js';
import { expectNoAxeViolations } from '../axe.js';
import { describe, it } from '../mocha.js';
import { acceptedHop, text, youthChain } from './escalation-fixtures.js';

describe('<escalation-trail>', () => {
  it('tells each hop oldest first, with who raised it, when, and the answer', async () => {
    const el = await fixture<EscalationTrail>(html`<escalation-trail .hops=${youthChain} .current=${41}></escalation-trail>`);
    const hops = [...el.shadowRoot!.querySelectorAll('li.hop')];
    expect(hops.map((hop) => text(hop.querySelector('.route')))).to.deep.equal([
      'Youth JAG → Charnwood JAG',
      'Charnwood JAG → Charnwood Community Safety Partnership',
    ]);
    expect(hops.map((hop) => hop.querySelector('a.route')!.getAttribute('href'))).to.deep.equal(['/escalations/40', '/escalations/41']);
    expect(hops[1]!.querySelector('a.route')!.getAttribute('aria-current')).to.equal('page');
    expect(text(hops[0]!.querySelector('dd'))).to.equal('A group of young people at risk of exploitation around the station.');
    expect(text(hops[0]!.querySelector('.meta'))).to.equal(`Raised by Kim Lee, ${formatDateTime('2026-11-02T09:00:00.000Z')}`);
    expect(formatDateTime('2026-11-02T09:00:00.000Z')).to.equal('Mon 02/11/2026, 09:00');
    expect(text(hops[0]!.querySelector('.answer p'))).to.equal('Escalated further: Needs the CSP’s funding.');
    expect(text(hops[1]!.querySelector('.status-tag'))).to.equal('Awaiting an answer');
    expect(hops[1]!.querySelector('.answer')).to.equal(null);
    await expectNoAxeViolations(el);
  });

  it('links to the action that started it and the one it became', async () => {
    const el = await fixture<EscalationTrail>(html`<escalation-trail .hops=${[acceptedHop]}></escalation-trail>`);
    const links = [...el.shadowRoot!.querySelectorAll('li.hop > p > a')].map((a) => [text(a.parentElement), a.getAttribute('href')]);
    expect(links).to.deep.equal([
      ['Started by JAG-0001: Close the alleyway on Ashby Road', '/bodies/5/actions'],
      ['Adopted as CSP-0012: Fund CCTV behind Ashby Road shops', '/bodies/3/actions'],
    ]);
    expect(text(el.shadowRoot!.querySelector('.answer p'))).to.equal('Accepted: We will fund it from the CSP budget.');
    await expectNoAxeViolations(el);
  });
});
