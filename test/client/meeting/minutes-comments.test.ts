import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../client/meeting/minutes-comments.js';
import type { MinutesComments } from '../../../client/meeting/minutes-comments.js';
import type { MinutesComment } from '../../../shared/minutes-api.js';
import { expectNoAxeViolations } from '../axe.js';
import { fakeApi, jsonResponse, type FakeApi } from '../fake-api.js';
import { afterEach, describe, it } from '../mocha.js';
import { jagMinutes } from './minutes-fixtures.js';

const text = (el: Element | ShadowRoot | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const earlier: MinutesComment = {
  id: 1,
  authorName: 'PC Dan Moore',
  agency: 'Leicestershire Police',
  itemId: 'asb',
  itemTitle: 'Anti-social behaviour hotspots',
  text: 'The order covers Shelthorpe too.',
  createdAt: '2026-11-20T14:30:00.000Z',
};

describe('<minutes-comments>', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  async function mount(mayComment: boolean, comments: MinutesComment[]) {
    const el = await fixture<MinutesComments>(
      html`<minutes-comments meeting-id="42" comment-count=${comments.length} ?may-comment=${mayComment} .items=${jagMinutes().items}></minutes-comments>`,
    );
    await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy=true]'), 'the comments never loaded');
    return { el, root: el.shadowRoot! };
  }

  it('lists members’ comments and adds one about an item while the minutes are circulated', async () => {
    const added: MinutesComment = { ...earlier, id: 2, authorName: 'Priya Shah', agency: 'Charnwood Borough Council', itemId: 'case', itemTitle: 'Named individual: case review', text: 'Referral made on 18 November.' };
    api = fakeApi({
      'GET /api/meetings/42/minutes/comments': () => jsonResponse([earlier]),
      'POST /api/meetings/42/minutes/comments': () => jsonResponse(added, 201),
    });
    const { el, root } = await mount(true, [earlier]);
    expect(text(root.querySelector('h2'))).to.equal('Comments from members (1 comment)');
    expect(text(root.querySelector('li'))).to.contain('PC Dan Moore (Leicestershire Police)');
    expect(text(root.querySelector('li'))).to.contain('on Anti-social behaviour hotspots The order covers Shelthorpe too.');
    const about = root.querySelector<HTMLSelectElement>('#comment-item')!;
    expect([...about.options].map((option) => text(option))).to.deep.equal([
      'The minutes as a whole',
      'Item 16: Anti-social behaviour hotspots',
      'Item 17: Named individual: case review',
    ]);
    await expectNoAxeViolations(el);

    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => root.querySelector('.field-error'));
    expect(text(root.querySelector('.field-error'))).to.equal('Write a comment');
    expect(api.requests.filter((request) => request.method === 'POST')).to.have.length(0);

    about.value = 'case';
    root.querySelector<HTMLTextAreaElement>('#comment-text')!.value = 'Referral made on 18 November.';
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => root.querySelectorAll('li').length === 2, 'the comment never appeared');
    expect(api.requests.at(-1)!.body).to.deep.equal({ text: 'Referral made on 18 November.', itemId: 'case' });
    expect(text(root.querySelector('h2'))).to.equal('Comments from members (2 comments)');
    expect(text(root.querySelector('[role=status]'))).to.equal('Comment added');
    expect(root.querySelector<HTMLTextAreaElement>('#comment-text')!.value).to.equal('');
  });

  it('shows comments read-only once circulation has ended', async () => {
    api = fakeApi({ 'GET /api/meetings/42/minutes/comments': () => jsonResponse([earlier]) });
    const { el, root } = await mount(false, [earlier]);
    expect(root.querySelector('form')).to.equal(null);
    expect(text(root)).to.contain('Comments can be added only while the minutes are circulated.');
    expect(root.querySelectorAll('li')).to.have.length(1);
    await expectNoAxeViolations(el);
  });
});
