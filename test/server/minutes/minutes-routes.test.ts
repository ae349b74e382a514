import { unzipSync, strFromU8 } from 'fflate';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MeetingResponse } from '../../../shared/api.js';
import { agendaOf, attendanceOf, readAgenda } from '../../../shared/meeting-doc.js';
import { meetingDocName } from '../../../shared/meetings.js';
import { bodyId } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';
import { activeDocxParts, unsafeParts, XSS_PAYLOADS } from './xss-battery.js';

describe('minutes exports', () => {
  let server: TestServer;
  let chair: string;
  let jag: number;
  let first: number;
  let second: number;

  const schedule = async (token: string, body: number, startsAt: string) => {
    const response = await server.request(`/api/bodies/${body}/meetings`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ startsAt, location: 'Loughborough Police Station' }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as MeetingResponse).meeting.id;
  };

  /** Writes minutes into the live document and waits for its SQL mirror, which the minutes read. */
  const write = async (meetingId: number, entries: Record<string, { minutes?: string; decisions?: string[]; partTwo?: boolean }>, present: number[] = []) => {
    await server.registry.change(meetingDocName(meetingId), (doc) => {
      const byTitle = new Map(readAgenda(doc).map((item) => [item.title, item.id]));
      for (const [title, entry] of Object.entries(entries)) {
        const item = agendaOf(doc).get(byTitle.get(title)!)!;
        if (entry.minutes) (item.get('minutes') as Y.Text).insert(0, entry.minutes);
        if (entry.partTwo) item.set('partTwo', true);
        for (const [index, text] of (entry.decisions ?? []).entries()) {
          const decision = new Y.Map<unknown>();
          (item.get('decisions') as Y.Array<Y.Map<unknown>>).push([decision]);
          decision.set('id', `${title.length}d${index}x${meetingId}`.replace(/[^a-z0-9]/gi, 'a').padEnd(10, 'a'));
          decision.set('text', new Y.Text(text));
        }
      }
      for (const userId of present) attendanceOf(doc).set(String(userId), 'present');
    });
    const expected = Object.values(entries).filter((entry) => entry.minutes).length;
    for (let tries = 0; tries < 200; tries++) {
      const rows = await server.database.db.selectFrom('agenda_items').select('minutes').where('meeting_id', '=', meetingId).where('minutes', '<>', '').execute();
      if (rows.length >= expected) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the minutes never reached the SQL mirror');
  };

  const get = (path: string, token: string) => server.request(path, { headers: bearer(token) });

  beforeAll(async () => {
    server = await startTestServer();
    chair = await server.signIn('chair.jag');
    jag = await bodyId(server, chair, 'Charnwood JAG');
    first = await schedule(chair, jag, '2030-03-05T10:00:00Z');
    second = await schedule(chair, jag, '2030-04-02T09:00:00Z');
    await write(first, {
      'Minutes of the previous meeting': { minutes: 'Confirmed as a correct record and signed.' },
      'Hate crime review': { decisions: ['that the review be noted'] },
    });
    const chairId = (await server.database.db.selectFrom('users').select('id').where('email', '=', 'chair.jag@demo.quorum.test').executeTakeFirstOrThrow()).id;
    await write(
      second,
      {
        'Police performance and crime trends': { minutes: `Crime is down.\n\n${XSS_PAYLOADS.join('\n\n')}`, decisions: ['that the report be noted\nReason: The figures were clear.', ...XSS_PAYLOADS.map((p) => `that ${p}`)] },
        'High-risk ASB victims (Sentinel)': { minutes: 'Named victim: Jane Doe at 4 Acacia Avenue.', decisions: ['that a welfare visit be made'], partTwo: true },
      },
      [chairId],
    );
  });
  afterAll(() => server?.close());

  it('numbers the second meeting’s items on from the first, leaves out empty items and heads them as a council does', async () => {
    const firstMd = await (await get(`/api/meetings/${first}/minutes.md`, chair)).text();
    const firstNumbers = [...firstMd.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1]));
    expect(firstNumbers).toHaveLength(2);
    const response = await get(`/api/meetings/${second}/minutes.md`, chair);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/markdown/);
    const md = await response.text();
    expect(md).toContain('# Minutes of the meeting of Charnwood Joint Action Group held at Loughborough Police Station on Tuesday 2 April 2030 at 10.00am');
    expect([...md.matchAll(/^## (\d+)\. (.*)$/gm)].map((m) => [Number(m[1]), m[2]])).toEqual([
      [firstNumbers[1]! + 1, 'POLICE PERFORMANCE AND CRIME TRENDS'],
      [firstNumbers[1]! + 2, 'HIGH-RISK ASB VICTIMS \\(SENTINEL\\)'],
    ]);
    expect(md).not.toContain('No minutes were recorded');
    expect(md).toContain('**RESOLVED** that the report be noted\n\n**Reason**\n\nThe figures were clear.');
    expect(md).toMatch(/\*\*Chair:\*\* Helen Whitmore \\\(Chair\\\)/);
    expect(md).toContain('OFFICIAL-SENSITIVE');
    expect(firstMd).toContain('Tuesday 2 April 2030 at 10.00am');
  });

  it('keeps every XSS payload inert in the Markdown, even in a viewer that does not sanitise', async () => {
    const md = await (await get(`/api/meetings/${second}/minutes.md`, chair)).text();
    const viewed = marked.parse(md, { async: false });
    expect(unsafeParts(viewed)).toEqual([]);
    expect(viewed).toContain('Crime is down.');
  });

  it('serves a standalone A4 HTML page with page numbers and a running header, with every payload inert', async () => {
    const response = await get(`/api/meetings/${second}/minutes.html`, chair);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename=".*\.html"/);
    const html = await response.text();
    const style = html.match(/<style>([\s\S]*?)<\/style>/)![1]!;
    expect(style).toMatch(/@page\s*{[^}]*size: A4/);
    expect(style).toContain('counter(page)');
    expect(style).toContain('Charnwood Joint Action Group — Thursday 2 April 2030'.replace('Thursday', 'Tuesday'));
    const page = html.replace(/<style>[\s\S]*?<\/style>/, '');
    expect(unsafeParts(page)).toEqual([]);
    expect(page).not.toMatch(/<(script|img|svg|math|iframe|style|form|noscript)\b/i);
    expect(page).toContain('<strong>RESOLVED</strong> that the report be noted');
  });

  it('writes a Word document that opens with the same items, the actions table and the marking, and nothing active', async () => {
    const response = await get(`/api/meetings/${second}/minutes.docx`, chair);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const text = (name: string) => strFromU8(files[name]!);
    const words = text('word/document.xml').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&');
    const md = await (await get(`/api/meetings/${second}/minutes.md`, chair)).text();
    const numbered = [...md.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1]));
    expect(words).toContain(`${numbered[0]}. POLICE PERFORMANCE AND CRIME TRENDS`);
    expect(words).toContain(`${numbered[1]}. HIGH-RISK ASB VICTIMS (SENTINEL)`);
    expect(words.indexOf('POLICE PERFORMANCE')).toBeLessThan(words.indexOf('HIGH-RISK'));
    expect(words).toContain('RESOLVED');
    expect(Object.keys(files).some((name) => /header/.test(name) && text(name).includes('OFFICIAL-SENSITIVE'))).toBe(true);
    // Payloads are words in runs; nothing may link, embed or call out.
    expect(activeDocxParts(files)).toEqual([]);
  });

  it('leaves Part II business out of the public version in every format', async () => {
    for (const format of ['md', 'html', 'docx']) {
      const response = await get(`/api/meetings/${second}/minutes.${format}?version=public`, chair);
      expect(response.status).toBe(200);
      const raw = format === 'docx' ? strFromU8(unzipSync(new Uint8Array(await response.arrayBuffer()))['word/document.xml']!) : await response.text();
      for (const secret of ['Jane Doe', 'Acacia', 'Sentinel', 'welfare visit', 'OFFICIAL-SENSITIVE']) expect(raw, `${format}: ${secret}`).not.toContain(secret);
      expect(raw).toContain('exempt information — not for publication');
    }
  });

  it('serves the full version to members, refuses others, and answers for a confidential body as for a missing meeting', async () => {
    expect((await get(`/api/meetings/${second}/minutes.md`, await server.signIn('observer.jag'))).status).toBe(200);
    const outsider = await server.signIn('outsider');
    const refused = await get(`/api/meetings/${second}/minutes.html`, outsider);
    expect(refused.status).toBe(403);
    expect((await get(`/api/meetings/${second}/minutes.md?version=public`, outsider)).status).toBe(403);

    const youthChair = await server.signIn('chair.youthjag');
    const youth = await schedule(youthChair, await bodyId(server, youthChair, 'Youth JAG'), '2030-03-10T10:00:00Z');
    const confidential = await get(`/api/meetings/${youth}/minutes.docx`, outsider);
    const missing = await get('/api/meetings/999999/minutes.docx', outsider);
    expect(confidential.status).toBe(404);
    expect(await confidential.json()).toEqual(await missing.json());
    expect((await get(`/api/meetings/${youth}/minutes.md`, youthChair)).status).toBe(200);
    expect((await get(`/api/meetings/${youth}/minutes.md?version=public`, youthChair)).status).toBe(404);
    expect((await get(`/api/meetings/${second}/minutes.md?version=secret`, chair)).status).toBe(400);
    expect((await server.request(`/api/meetings/${second}/minutes.md`)).status).toBe(401);
  });

  it('answers the printable page with the same record as JSON', async () => {
    const response = await get(`/api/meetings/${second}/minutes?version=public`, chair);
    expect(response.status).toBe(200);
    const minutes = (await response.json()) as { version: string; items: { exempt: boolean }[] };
    expect(minutes.version).toBe('public');
    expect(minutes.items.some((item) => item.exempt)).toBe(true);
  });
});
