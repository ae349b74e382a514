import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyId, createMeeting } from '../../support/meetings.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { call, raiseAction, userId } from '../escalations/escalation-support.js';
import { search, writeMinutes } from './search-support.js';

const PEOPLE = ['chair.youthjag', 'chair.jag', 'member.jag', 'observer.jag', 'chair.csp', 'outsider'] as const;
type Person = (typeof PEOPLE)[number];

/** Who finds each marker: everyone else is told there are none, not that some were hidden. */
const CASES: { what: string; marker: string; finders: Person[] }[] = [
  { what: 'a Youth JAG action', marker: 'QUOKKA', finders: ['chair.youthjag'] },
  { what: 'a Youth JAG meeting’s minutes', marker: 'PANGOLIN', finders: ['chair.youthjag'] },
  { what: 'a Part II item of the JAG’s meeting', marker: 'NARWHAL', finders: ['chair.youthjag', 'chair.jag', 'member.jag', 'observer.jag'] },
  { what: 'a decision in the JAG’s meeting', marker: 'AXOLOTL', finders: ['chair.youthjag', 'chair.jag', 'member.jag', 'observer.jag'] },
  { what: 'an open action of the JAG', marker: 'CAPYBARA', finders: [...PEOPLE] },
  { what: 'the origin action of a Youth JAG escalation', marker: 'OKAPI', finders: ['chair.youthjag'] },
  { what: 'the Youth JAG escalation’s own summary', marker: 'WOMBAT', finders: ['chair.youthjag', 'chair.jag', 'member.jag', 'observer.jag', 'chair.csp', 'outsider'] },
];

describe('search finds only what each person may read', () => {
  let server: TestServer;
  const tokens = {} as Record<Person, string>;

  beforeAll(async () => {
    server = await startTestServer();
    for (const person of PEOPLE) tokens[person] = await server.signIn(person);
    const youth = await bodyId(server, tokens['chair.youthjag'], 'Youth JAG');
    const jag = await bodyId(server, tokens['chair.jag'], 'Charnwood JAG');

    await raiseAction(server, youth, { title: 'Refer QUOKKA to early help', description: 'Named child' });
    await raiseAction(server, jag, { title: 'Survey CAPYBARA Park lighting' });

    const youthMeeting = await createMeeting(server, tokens['chair.youthjag'], 'Youth JAG');
    await writeMinutes(server, youthMeeting.meeting.id, 4, { minutes: 'Discussed PANGOLIN and the family.' });
    const jagMeeting = await createMeeting(server, tokens['chair.jag'], 'Charnwood JAG');
    await writeMinutes(server, jagMeeting.meeting.id, 5, { minutes: 'Exempt: NARWHAL premises closure.', partTwo: true });
    await writeMinutes(server, jagMeeting.meeting.id, 6, { minutes: 'Hate crime figures.', decision: 'RESOLVED that AXOLOTL patrols continue.' });

    const origin = await raiseAction(server, youth, { title: 'OKAPI exploitation case', ownerId: await userId(server, 'chair.youthjag') });
    const raised = await call(server, tokens['chair.youthjag'], 'POST', `/api/actions/${origin}/escalations`, {
      summary: 'WOMBAT: a young person at risk of exploitation',
      reason: 'Needs a multi-agency response',
    });
    expect(raised.status).toBe(201);
  });
  afterAll(() => server?.close());

  for (const { what, marker, finders } of CASES) {
    describe(what, () => {
      for (const person of PEOPLE) {
        const finds = finders.includes(person);
        it(`${finds ? 'is' : 'is not'} found by ${person}`, async () => {
          const answer = await search(server, tokens[person], { q: marker.toLowerCase() });
          expect(answer.status).toBe(200);
          expect(answer.found.total).toBe(finds ? answer.found.results.length : 0);
          expect(answer.found.results.length > 0).toBe(finds);
          if (finds) expect(answer.found.results[0]!.snippet + answer.found.results[0]!.title).toContain(marker);
        });
      }
    });
  }

  it('shows the escalation to those who may see its hop, without the origin action’s details', async () => {
    const answer = await search(server, tokens['chair.csp'], { q: 'wombat', kind: 'escalation' });
    expect(answer.found.results).toEqual([
      expect.objectContaining({ kind: 'escalation', link: expect.stringMatching(/^\/escalations\/\d+$/), body: expect.objectContaining({ name: 'Charnwood Joint Action Group' }) }),
    ]);
    expect(answer.text).not.toContain('OKAPI');
  });

  it('links minutes and decisions to their meeting and actions to their log', async () => {
    const minutes = await search(server, tokens['member.jag'], { q: 'narwhal' });
    expect(minutes.found.results[0]).toMatchObject({ kind: 'minutes', link: expect.stringMatching(/^\/meetings\/\d+$/) });
    const decision = await search(server, tokens['member.jag'], { q: 'axolotl' });
    expect(decision.found.results[0]).toMatchObject({ kind: 'decision', title: 'Hate crime review' });
    const action = await search(server, tokens['outsider'], { q: 'capybara' });
    expect(action.found.results[0]).toMatchObject({ kind: 'action', link: expect.stringMatching(/^\/bodies\/\d+\/actions$/) });
  });

  it('finds Part II minutes for nobody once the item is no longer theirs to read', async () => {
    const answer = await search(server, tokens['chair.csp'], { q: 'narwhal premises', kind: 'minutes' });
    expect(answer.found).toEqual({ results: [], total: 0, totalIsAtLeast: false });
  });
});
