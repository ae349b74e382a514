import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markedSnippet, MATCH_END, MATCH_START } from '../../../server/search/search-snippet.js';
import { matchExpression } from '../../../server/search/search-terms.js';
import { bodyId, createMeeting } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';
import { raiseAction } from '../escalations/escalation-support.js';
import { search, writeMinutes } from './search-support.js';

describe('the words typed', () => {
  it('are each quoted, so FTS syntax is searched for as text', () => {
    expect(matchExpression('hate crime')).toBe('"hate" "crime"');
    expect(matchExpression('say "hi" OR NEAR(x')).toBe('"say" """hi""" "OR" "NEAR(x"');
    expect(matchExpression('*** --- ""')).toBeNull();
  });

  it('come back escaped, with only <mark> around the matches', () => {
    expect(markedSnippet(`<img src=x onerror=alert(1)> ${MATCH_START}patrol${MATCH_END} & "more"`)).toBe(
      '&lt;img src=x onerror=alert(1)&gt; <mark>patrol</mark> &amp; &quot;more&quot;',
    );
    expect(markedSnippet(`${MATCH_START}open`)).toBe('<mark>open</mark>');
  });
});

describe('GET /api/search', () => {
  let server: TestServer;
  let chair: string;
  let jag: number;
  let meetingId: number;

  beforeAll(async () => {
    server = await startTestServer();
    chair = await server.signIn('chair.jag');
    jag = await bodyId(server, chair, 'Charnwood JAG');
    meetingId = (await createMeeting(server, chair, 'Charnwood JAG')).meeting.id;
    await writeMinutes(server, meetingId, 4, { minutes: 'Graffiti <script>alert("xss")</script> on the GANNET underpass <img src=x onerror=alert(1)>.' });
    await raiseAction(server, jag, { title: 'Clean the GANNET underpass', description: 'Quote "this" OR that' });
  });
  afterAll(() => server?.close());

  it('never errors on FTS syntax or quotes, and finds nothing it should not', async () => {
    for (const q of ['" "', '""unbalanced', 'gannet OR *', 'NEAR(gannet underpass, 2)', 'title:gannet', '^gannet', 'gannet -underpass', "o'brien", '(((', 'AND AND', '"this" OR']) {
      const answer = await search(server, chair, { q });
      expect(answer.status, q).toBe(200);
    }
    // "OR" is a word to find, not an operator: nothing holds both "gannet" and "or" and "zzz".
    expect((await search(server, chair, { q: 'gannet OR zzzz' })).found.total).toBe(0);
  });

  it('finds every word typed, best matches first, with the matches marked', async () => {
    const answer = await search(server, chair, { q: 'gannet underpass' });
    expect(answer.found.total).toBe(2);
    expect(answer.found.results.map((result) => result.kind).sort()).toEqual(['action', 'minutes']);
    for (const result of answer.found.results) expect(result.snippet + result.title).toMatch(/GANNET|<mark>/);
  });

  it('returns minutes holding an XSS payload inert', async () => {
    const answer = await search(server, chair, { q: 'graffiti', kind: 'minutes' });
    const snippet = answer.found.results[0]!.snippet;
    expect(snippet).toContain('<mark>Graffiti</mark>');
    expect(snippet).toContain('&lt;script&gt;');
    expect(snippet).not.toMatch(/<(?!\/?mark>)/);
  });

  it('filters by kind, body and date', async () => {
    const kinds = async (params: Record<string, string | number>) =>
      (await search(server, chair, { q: 'gannet', ...params })).found.results.map((result) => result.kind).sort();
    expect(await kinds({ kind: 'action' })).toEqual(['action']);
    expect(await kinds({ kind: 'decision' })).toEqual([]);
    expect(await kinds({ bodyId: jag })).toEqual(['action', 'minutes']);
    expect(await kinds({ bodyId: jag + 1 })).toEqual([]);
    // The meeting is on 1 December 2026; the action was raised today.
    const today = new Date().toISOString().slice(0, 10);
    expect(await kinds({ kind: 'minutes', from: '2026-12-01', to: '2026-12-01' })).toEqual(['minutes']);
    expect(await kinds({ kind: 'minutes', from: '2026-12-02' })).toEqual([]);
    expect(await kinds({ kind: 'minutes', to: '2026-11-30' })).toEqual([]);
    expect(await kinds({ kind: 'action', from: today, to: today })).toEqual(['action']);
  });

  it('limits the results but counts them all', async () => {
    const answer = await search(server, chair, { q: 'gannet', limit: 1 });
    expect(answer.found.results).toHaveLength(1);
    expect(answer.found.total).toBe(2);
  });

  it('refuses bad input with 400, and a signed-out search with 401', async () => {
    const bad: Record<string, string | number>[] = [{}, { q: 'a' }, { q: 'x'.repeat(201) }, { q: 'gannet', kind: 'meeting' }, { q: 'gannet', from: '01/12/2026' }, { q: 'gannet', limit: 0 }, { q: 'gannet', limit: 51 }, { q: 'gannet', bodyId: 'jag' }, { q: 'gannet', extra: 1 }];
    for (const params of bad) {
      expect((await search(server, chair, params)).status, JSON.stringify(params)).toBe(400);
    }
    expect((await server.request('/api/search?q=gannet')).status).toBe(401);
    expect((await server.request('/api/search?q=gannet', { headers: bearer(chair) })).status).toBe(200);
  });
});
