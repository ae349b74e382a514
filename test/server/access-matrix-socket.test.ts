/**
 * The access matrix, socket.io: each part on the open Charnwood JAG and the
 * confidential Youth JAG asks to hear of the body's list changes. Non-members
 * of a confidential body are answered exactly as for a body that does not
 * exist, and hear nothing of it; signed out, the connection itself is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODIES, MISSING_ID, PARTS, startCast, type BodyKey, type Cast } from '../support/access-cast.js';
import { connectLive, refusedLive, settle, type LiveClient } from '../support/live-client.js';

type Heard = 'hears' | 'not found';
type PerPart<T> = readonly [T, T, T, T, T, T, T, T];

const WATCHING: Record<BodyKey, PerPart<Heard>> = {
  //        chair     vice      sec       member    obs       other body   former       outsider
  jag:      ['hears', 'hears', 'hears', 'hears', 'hears', 'hears',     'hears',     'hears'],
  youthJag: ['hears', 'hears', 'hears', 'hears', 'hears', 'not found', 'not found', 'not found'],
};

describe('access matrix: socket.io', () => {
  let cast: Cast;
  const sockets: LiveClient[] = [];
  beforeAll(async () => {
    cast = await startCast();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await cast?.close();
  });

  for (const body of BODIES) {
    PARTS.forEach((part, index) => {
      const expected = WATCHING[body][index]!;
      it(`${body} ${part} watching the body → ${expected}`, async () => {
        const socket = await connectLive(cast.server, cast.token(body, part));
        sockets.push(socket);
        const answer = await socket.watch('body:watch', cast.bodyIds[body]);
        if (expected === 'hears') {
          expect(answer).toEqual({ ok: true });
        } else {
          expect(answer).toEqual(await socket.watch('body:watch', MISSING_ID));
        }
        await cast.meeting(body, 'scheduled', `${body} socket matrix meeting ${part}`);
        await settle();
        const heard = socket.all('body:changed').filter((change) => change.bodyId === cast.bodyIds[body]);
        expect(heard.length > 0).toBe(expected === 'hears');
      });
    });
  }

  it('refuses a connection with no session at all', async () => {
    expect((await refusedLive(cast.server, {})).code).toBe('unauthenticated');
  });
});
