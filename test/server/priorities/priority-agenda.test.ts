import { addDays } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingResponse } from '../../../shared/api.js';
import { nextScheduledMeeting } from '../../../server/meetings/incoming-agenda.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { postJson, publish, signInAll } from './priority-client.js';

const ITEM = 'Priorities from Strategic Partnership Board';

describe('a priority on the receiving body’s next meeting agenda', () => {
  let server: TestServer;
  let tokens: Record<string, string>;
  let ids: Record<string, number>;

  beforeAll(async () => {
    server = await startTestServer();
    ({ tokens, ids } = await signInAll(server, ['chair.spb', 'neighbourhoods'], ['SPB', 'Charnwood JAG', 'PZ Place']));
    // The PZ Place has nothing coming up, so what it receives waits for its next meeting.
    await server.database.db
      .updateTable('meetings')
      .set({ starts_at: '2026-01-06T10:00:00.000Z' })
      .where('body_id', '=', ids['PZ Place']!)
      .where('status', '=', 'scheduled')
      .execute();
  });
  afterAll(() => server.close());

  const agenda = async (meetingId: number) => {
    await server.registry.settle();
    return server.database.db.selectFrom('agenda_items').select(['title', 'minutes', 'position']).where('meeting_id', '=', meetingId).orderBy('position').execute();
  };
  const placedOn = async (priorityId: number, body: string) =>
    (await server.database.db.selectFrom('priority_targets').select('agenda_meeting_id').where('priority_id', '=', priorityId).where('body_id', '=', ids[body]!).executeTakeFirstOrThrow())
      .agenda_meeting_id;

  it('writes it under “Priorities from <body>”, before the closing items, on the next scheduled meeting', async () => {
    const meetingId = (await nextScheduledMeeting(server.database.db, ids['Charnwood JAG']!))!;
    expect(meetingId).toBeDefined();
    const priority = await publish(server, tokens['chair.spb']!, ids.SPB!, {
      title: 'Tackle shop theft in the town centre',
      theme: 'Retail crime',
      period: 'Q1 2027',
      description: 'Work with the BID on repeat offenders.',
      targetBodyIds: [ids['Charnwood JAG']!, ids['PZ Place']!],
    });
    const items = await agenda(meetingId);
    const titles = items.map((item) => item.title);
    expect(titles.filter((title) => title === ITEM)).toHaveLength(1);
    expect(titles.indexOf(ITEM)).toBeLessThan(titles.indexOf('Any other business'));
    const minutes = items.find((item) => item.title === ITEM)!.minutes;
    for (const part of ['Tackle shop theft in the town centre', 'Retail crime', 'Q1 2027', 'Work with the BID on repeat offenders.']) expect(minutes).toContain(part);
    expect(await placedOn(priority.id, 'Charnwood JAG')).toBe(meetingId);
    expect(await placedOn(priority.id, 'PZ Place')).toBeNull();
  });

  it('puts what waited onto a meeting scheduled later, and a second priority under the same item', async () => {
    const waiting = (await server.database.db.selectFrom('priority_targets').select('priority_id').where('body_id', '=', ids['PZ Place']!).executeTakeFirstOrThrow()).priority_id;
    const response = await postJson(server, tokens.neighbourhoods!, `/api/bodies/${ids['PZ Place']}/meetings`, {
      startsAt: addDays(new Date(), 21).toISOString(),
      location: 'Bell Foundry Community Hub',
    });
    expect(response.status).toBe(201);
    const meetingId = ((await response.json()) as MeetingResponse).meeting.id;
    expect(await placedOn(waiting, 'PZ Place')).toBe(meetingId);
    const second = await publish(server, tokens['chair.spb']!, ids.SPB!, { title: 'Light the Bell Foundry underpass', targetBodyIds: [ids['PZ Place']!] });
    expect(await placedOn(second.id, 'PZ Place')).toBe(meetingId);
    const items = await agenda(meetingId);
    expect(items.filter((item) => item.title === ITEM)).toHaveLength(1);
    const minutes = items.find((item) => item.title === ITEM)!.minutes;
    expect(minutes).toContain('Tackle shop theft in the town centre');
    expect(minutes).toContain('Light the Bell Foundry underpass');
  });
});
