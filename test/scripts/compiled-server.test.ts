import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodiesResponse, BodyDetailResponse, MeetingResponse } from '../../shared/api.js';
import { readAgenda } from '../../shared/meeting-doc.js';
import { DEMO_PASSWORD } from '../../server/seed/demo-partnership.js';
import { startRunningApp, type RunningApp } from '../support/running-app.js';
import { connectPeer } from '../support/yjs-client.js';

/**
 * What ships is one bundled file with the packages inside it (and the Word
 * export as a chunk loaded on first use): this proves that file serves the
 * app, the API, a lazily loaded export, socket.io and the Yjs endpoint.
 */
describe('the compiled server (npm start)', () => {
  let app: RunningApp;
  let token: string;
  const get = (path: string) => fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    app = await startRunningApp();
    const signedIn = await fetch(`${app.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'chair.jag@demo.quorum.test', password: DEMO_PASSWORD }),
    });
    token = ((await signedIn.json()) as { token: string }).token;
  });
  afterAll(() => app?.stop());

  it('serves the app shell and the API', async () => {
    const page = await fetch(`${app.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const { bodies } = (await (await get('/api/bodies')).json()) as BodiesResponse;
    expect(bodies.map((body) => body.shortName)).toContain('Charnwood JAG');
  });

  it('loads the Word export on first use and answers a .docx', async () => {
    const { bodies } = (await (await get('/api/bodies')).json()) as BodiesResponse;
    const jag = bodies.find((body) => body.shortName === 'Charnwood JAG')!;
    const detail = (await (await get(`/api/bodies/${jag.id}`)).json()) as BodyDetailResponse;
    if (detail.access !== 'full') throw new Error('the chair should see the whole body');
    const closed = detail.meetings.find((meeting) => meeting.status === 'closed')!;
    const response = await get(`/api/meetings/${closed.id}/minutes.docx`);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip, as every .docx is
  });

  it('takes socket.io and Yjs connections', async () => {
    const socket = io(app.url, { auth: { token }, transports: ['websocket'] });
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', resolve);
      socket.on('connect_error', reject);
    });
    socket.disconnect();

    const { bodies } = (await (await get('/api/bodies')).json()) as BodiesResponse;
    const jag = bodies.find((body) => body.shortName === 'Charnwood JAG')!;
    const detail = (await (await get(`/api/bodies/${jag.id}`)).json()) as BodyDetailResponse;
    if (detail.access !== 'full') throw new Error('the chair should see the whole body');
    const meeting = (await (await get(`/api/meetings/${detail.meetings[0]!.id}`)).json()) as MeetingResponse;
    const peer = connectPeer(`${app.url.replace('http', 'ws')}/yjs`, meeting.docName, token);
    await peer.synced();
    expect(readAgenda(peer.doc).map((item) => item.title)).toContain('Apologies');
    peer.destroy();
  });
});
