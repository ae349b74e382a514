import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import type { MeetingResponse } from '../../../shared/api.js';
import { agendaOf, readAgenda } from '../../../shared/meeting-doc.js';
import { DEMO_PASSWORD } from '../../../server/seed/demo-partnership.js';
import { startRunningApp, type RunningApp } from '../../support/running-app.js';
import { connectPeer, eventually } from '../../support/yjs-client.js';

const minutesOf = (doc: Y.Doc) => agendaOf(doc).get(readAgenda(doc)[2]!.id)!.get('minutes') as Y.Text;
const wsUrl = (app: RunningApp) => `${app.url.replace('http', 'ws')}/yjs`;

async function api<T>(app: RunningApp, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${app.url}${path}`, {
    method: body === undefined && !path.endsWith('/start') ? 'GET' : 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : null,
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('a server killed with SIGKILL mid-edit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-crash-'));
  const databasePath = join(dir, 'quorum.db');
  copyFileSync(inject('seededTemplatePath'), databasePath);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no update that any peer had received', async () => {
    let app = await startRunningApp({ databasePath, buildClient: false });
    const { token } = await api<{ token: string }>(app, '/api/session', null, {
      email: 'chair.jag@demo.quorum.test',
      password: DEMO_PASSWORD,
    });
    const { bodies } = await api<{ bodies: { id: number; shortName: string }[] }>(app, '/api/bodies', token);
    const jag = bodies.find((body) => body.shortName === 'Charnwood JAG')!;
    const created = await api<MeetingResponse>(app, `/api/bodies/${jag.id}/meetings`, token, { startsAt: '2026-12-01T10:00:00Z', location: '' });
    await api(app, `/api/meetings/${created.meeting.id}/start`, token);

    const writer = connectPeer(wsUrl(app), created.docName, token);
    const observer = connectPeer(wsUrl(app), created.docName, token);
    await Promise.all([writer.synced(), observer.synced()]);
    const received = new Set<string>();
    minutesOf(observer.doc).observe(() => {
      for (const mark of minutesOf(observer.doc).toString().match(/w\d+,/g) ?? []) received.add(mark);
    });

    let sequence = 0;
    const typing = setInterval(() => {
      for (let burst = 0; burst < 5; burst++) minutesOf(writer.doc).insert(minutesOf(writer.doc).length, `w${sequence++},`);
    }, 5);
    await eventually(() => expect(received.size).toBeGreaterThan(200), 20_000);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 300));
    await app.kill('SIGKILL');
    clearInterval(typing);
    const seenBeforeCrash = new Set(received);
    writer.destroy();
    observer.destroy();
    expect(seenBeforeCrash.size).toBeGreaterThan(200);

    app = await startRunningApp({ databasePath, buildClient: false });
    try {
      const reader = connectPeer(wsUrl(app), created.docName, token);
      await reader.synced();
      const reloaded = new Set(minutesOf(reader.doc).toString().match(/w\d+,/g) ?? []);
      const lost = [...seenBeforeCrash].filter((mark) => !reloaded.has(mark));
      expect(lost).toEqual([]);
      reader.destroy();
    } finally {
      await app.stop();
    }
  });
});
