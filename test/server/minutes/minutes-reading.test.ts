import { strFromU8, unzipSync } from 'fflate';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedContent, type CouncilMinutes } from '../../../shared/council-minutes.js';
import { longDate, SIGNATURE_LINE } from '../../../shared/council-minutes-record.js';
import type { MinutesConfirmation } from '../../../shared/minutes-api.js';
import { contentHash } from '../../../server/minutes/minutes-versions.js';
import { bodyId } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';
import { holdMeeting, publishVersion, raiseMeetingAction, setStage, storeVersion, userIdOf, writeMinutes } from './minutes-reading-support.js';
import { activeDocxParts, HOSTILE_REASON, unsafeParts } from './xss-battery.js';

const PART_TWO_SECRETS = ['Jane Doe', 'Acacia', 'Sentinel', 'welfare visit', 'OFFICIAL-SENSITIVE'];
const POLICE = 'Police performance and crime trends';
const SENTINEL = 'High-risk ASB victims (Sentinel)';

describe('reading minutes: stored versions, who reads what, and what each copy says', () => {
  let server: TestServer;
  let chair: string;
  let outsider: string;
  /** Confirmed (v1), published, then corrected (v2, published). */
  let corrected: number;
  /** Confirmed but not published; a second version corrects it with a hostile reason. */
  let unpublished: number;
  /** Closed, minutes still a draft. */
  let drafted: number;
  /** Youth JAG (confidential), confirmed and published. */
  let confidential: number;
  const actions: Record<'done' | 'overdue' | 'escalated' | 'partTwo', string> = { done: '', overdue: '', escalated: '', partTwo: '' };

  const get = (path: string, token: string) => server.request(path, { headers: bearer(token) });
  const json = async (path: string, token: string) => {
    const response = await get(path, token);
    expect(response.status, path).toBe(200);
    return (await response.json()) as CouncilMinutes;
  };
  const docxText = async (response: Response) => {
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    return { files, words: strFromU8(files['word/document.xml']!).replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ') };
  };
  const mdText = (md: string) => marked.parse(md, { async: false }).replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
  const htmlText = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&#38;/g, '&').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

  beforeAll(async () => {
    server = await startTestServer();
    chair = await server.signIn('chair.jag');
    outsider = await server.signIn('outsider');
    const chairId = await userIdOf(server, 'chair.jag');
    const jag = await bodyId(server, chair, 'Charnwood JAG');
    const confirmation: MinutesConfirmation = {
      atMeeting: 'Tuesday 2 July 2030',
      atMeetingId: 1,
      movedBy: 'Daniel Okafor',
      secondedBy: 'Ruth Pennington',
      signedBy: 'Helen Whitmore (Chair)',
      confirmedAt: '2030-07-02T11:00:00Z',
    };

    corrected = await holdMeeting(server, chair, jag, {
      startsAt: '2030-05-07T09:00:00Z',
      present: [chairId],
      entries: {
        [POLICE]: { minutes: 'Crime is down by 4%.', decisions: ['that the report be noted\nReason: The figures were clear.'] },
        [SENTINEL]: { minutes: 'Named victim: Jane Doe at 4 Acacia Avenue.', decisions: ['that a welfare visit be made'], partTwo: true, exemptionParagraph: 1 },
      },
    });
    actions.done = await raiseMeetingAction(server, jag, { title: 'Report the figures', meetingId: corrected, itemTitle: POLICE, status: 'done' });
    actions.overdue = await raiseMeetingAction(server, jag, { title: 'Patrol the park', meetingId: corrected, itemTitle: POLICE, dueDate: '2020-01-31' });
    actions.escalated = await raiseMeetingAction(server, jag, { title: 'Fund more CCTV', meetingId: corrected, itemTitle: POLICE, status: 'escalated' });
    actions.partTwo = await raiseMeetingAction(server, jag, { title: 'Visit Jane Doe', meetingId: corrected, itemTitle: SENTINEL });
    const csp = await bodyId(server, chair, 'Charnwood CSP');
    await server.database.db
      .insertInto('escalations')
      .values({ origin_body_id: jag, origin_action_id: actions.escalated, from_body_id: jag, to_body_id: csp, summary: 'CCTV', reason: 'No budget', raised_by: chairId, raised_at: new Date().toISOString(), previous_id: null })
      .execute();
    await storeVersion(server, corrected, { userId: chairId, confirmation });
    await publishVersion(server, corrected, 1);
    await setStage(server, corrected, 'correcting');
    await writeMinutes(server, corrected, { [POLICE]: { minutes: ' Corrected: crime is down by 3%.' } });
    await storeVersion(server, corrected, { userId: chairId, confirmation, reason: 'The figure was 3%, not 4%.', published: true });
    await setStage(server, corrected, 'published');

    unpublished = await holdMeeting(server, chair, jag, { startsAt: '2030-06-04T09:00:00Z', entries: { [POLICE]: { minutes: 'Burglary is up.' } } });
    await storeVersion(server, unpublished, { userId: chairId, confirmation });
    await storeVersion(server, unpublished, { userId: chairId, confirmation: { ...confirmation, movedBy: '<img src=x onerror=alert("mover")>' }, reason: HOSTILE_REASON });
    await setStage(server, unpublished, 'approved');

    drafted = await holdMeeting(server, chair, jag, { startsAt: '2030-07-02T09:00:00Z', entries: { [POLICE]: { minutes: 'Still being written.' } } });

    const youthChair = await server.signIn('chair.youthjag');
    const youthChairId = await userIdOf(server, 'chair.youthjag');
    confidential = await holdMeeting(server, youthChair, await bodyId(server, youthChair, 'Youth JAG'), {
      startsAt: '2030-05-08T16:00:00Z',
      entries: { 'Any other business': { minutes: 'A named young person was discussed.' } },
    });
    await storeVersion(server, confidential, { userId: youthChairId, confirmation: { ...confirmation, signedBy: 'Marcus Hale (Chair)' }, withPublic: false, published: true });
    await setStage(server, confidential, 'published');
  }, 60_000);
  afterAll(() => server?.close());

  it('lets a member read the working copy, version 1 and version 2 by number, and the latest version by default', async () => {
    const working = await json(`/api/meetings/${corrected}/minutes?revision=working`, chair);
    const first = await json(`/api/meetings/${corrected}/minutes?revision=1`, chair);
    const second = await json(`/api/meetings/${corrected}/minutes?revision=2`, chair);
    const latest = await json(`/api/meetings/${corrected}/minutes`, chair);
    expect(working).toMatchObject({ draft: true, revision: null, stage: 'published' });
    expect(first).toMatchObject({ draft: false, stage: 'published', revision: { number: 1, reason: null, createdBy: 'Helen Whitmore' } });
    expect(second.revision).toMatchObject({ number: 2, reason: 'The figure was 3%, not 4%.' });
    expect(latest).toEqual(second);
    const policeMinutes = (minutes: CouncilMinutes) => minutes.items.find((item) => item.title === POLICE)!.minutes;
    expect(policeMinutes(first)).toBe('Crime is down by 4%.');
    expect(policeMinutes(second)).toBe('Crime is down by 4%. Corrected: crime is down by 3%.');
    expect(policeMinutes(working)).toBe(policeMinutes(second));
    // The working copy carries the confirmation of the record it corrects; only the stored one prints it as signed.
    expect(working.confirmation?.movedBy).toBe('Daniel Okafor');
    expect(await (await get(`/api/meetings/${corrected}/minutes?revision=9`, chair)).json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('returns each stored copy byte for byte: the hash of its stored content is the version’s hash', async () => {
    for (const query of ['revision=1', 'revision=2', 'revision=1&version=public', 'revision=2&version=public']) {
      const minutes = await json(`/api/meetings/${corrected}/minutes?${query}`, chair);
      expect(contentHash(JSON.stringify(storedContent(minutes))), query).toBe(minutes.revision!.hash);
    }
    const stored = await server.database.db.selectFrom('minutes_versions').select(['number', 'full_hash', 'public_hash']).where('meeting_id', '=', corrected).orderBy('number').execute();
    const second = await json(`/api/meetings/${corrected}/minutes?revision=2`, chair);
    expect(second.revision!.hash).toBe(stored[1]!.full_hash);
    expect(second.revision!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await json(`/api/meetings/${corrected}/minutes?revision=2&version=public`, outsider)).revision!.hash).toBe(stored[1]!.public_hash);
  });

  it('lets a partner outside an open body read only the public copy of a published version', async () => {
    const latest = await json(`/api/meetings/${corrected}/minutes?version=public`, outsider);
    expect(latest).toMatchObject({ version: 'public', revision: { number: 2 } });
    expect((await json(`/api/meetings/${corrected}/minutes?version=public&revision=1`, outsider)).revision!.number).toBe(1);
    expect((await get(`/api/meetings/${corrected}/minutes.md?version=public`, outsider)).status).toBe(200);

    const refused = async (path: string, message: string) => {
      const response = await get(path, outsider);
      expect(response.status, path).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message, path).toBe(message);
    };
    await refused(`/api/meetings/${corrected}/minutes`, 'Only members of Charnwood Joint Action Group read the full minutes');
    await refused(`/api/meetings/${corrected}/minutes.docx?revision=2`, 'Only members of Charnwood Joint Action Group read the full minutes');
    await refused(`/api/meetings/${corrected}/minutes?version=public&revision=working`, 'The minutes of this meeting are not published yet');
    await refused(`/api/meetings/${unpublished}/minutes?version=public`, 'The minutes of this meeting are not published yet');
    // A version that exists but is not published is refused, not hidden: an open body's list of versions is open to every partner.
    await refused(`/api/meetings/${unpublished}/minutes.html?version=public&revision=1`, 'The minutes of this meeting are not published yet');
    await refused(`/api/meetings/${drafted}/minutes.md?version=public`, 'The minutes of this meeting are not published yet');
    expect((await get(`/api/meetings/${unpublished}/minutes?version=public&revision=3`, outsider)).status).toBe(404);
  });

  it('answers a confidential body’s minutes to a non-member exactly as a missing meeting, for every copy and export', async () => {
    const missing = await (await get('/api/meetings/999999/minutes', outsider)).json();
    for (const format of ['', '.md', '.html', '.docx']) {
      for (const query of ['', '?version=public', '?revision=1', '?revision=working', '?version=public&revision=1']) {
        const response = await get(`/api/meetings/${confidential}/minutes${format}${query}`, outsider);
        expect(response.status, `${format}${query}`).toBe(404);
        expect(await response.json()).toEqual(missing);
      }
    }
    const youthChair = await server.signIn('chair.youthjag');
    const record = await json(`/api/meetings/${confidential}/minutes`, youthChair);
    expect(record).toMatchObject({ marking: 'OFFICIAL-SENSITIVE', revision: { number: 1, publishedAt: expect.any(String) } });
    expect((await get(`/api/meetings/${confidential}/minutes?version=public`, youthChair)).status).toBe(404);
  });

  it('refuses a revision that is not a version number or "working"', async () => {
    for (const revision of ['abc', '0', '-1', '1.5', '']) {
      expect((await get(`/api/meetings/${corrected}/minutes?revision=${revision}`, chair)).status, revision).toBe(400);
    }
  });

  it('leaves Part II business and its marking out of every public export of a stored version, saying which paragraph exempts it', async () => {
    const exemptLine = 'exempt information — not for publication (Paragraph 1: information relating to any individual)';
    for (const format of ['md', 'html', 'docx']) {
      const response = await get(`/api/meetings/${corrected}/minutes.${format}?version=public&revision=2`, outsider);
      expect(response.status).toBe(200);
      const text = format === 'docx' ? (await docxText(response)).words : format === 'md' ? mdText(await response.text()) : htmlText(await response.text());
      for (const secret of PART_TWO_SECRETS) expect(text, `${format}: ${secret}`).not.toContain(secret);
      expect(text, format).toContain(exemptLine);
    }
    const publicJson = await json(`/api/meetings/${corrected}/minutes?version=public&revision=2`, outsider);
    expect(JSON.stringify(publicJson)).not.toMatch(/Jane Doe|Acacia|Sentinel|welfare visit|OFFICIAL-SENSITIVE/);
    expect(publicJson.actions.map((action) => action.action)).not.toContain('Visit Jane Doe');
    const full = htmlText(await (await get(`/api/meetings/${corrected}/minutes.html?revision=2`, chair)).text());
    expect(full).toContain('Part II — OFFICIAL-SENSITIVE — exempt under Paragraph 1: information relating to any individual');
  });

  it('states in every format which version it is, its SHA-256 and how it was confirmed, in place of the blank signature line', async () => {
    const second = await json(`/api/meetings/${corrected}/minutes?revision=2`, chair);
    const expected = [
      `Version 2 — corrected on ${longDate(second.revision!.createdAt)}: The figure was 3%, not 4%.`,
      `SHA-256: ${second.revision!.hash}`,
      'Confirmed as a correct record at the meeting held on Tuesday 2 July 2030.',
      'Moved by Daniel Okafor; seconded by Ruth Pennington.',
      'Signed: Helen Whitmore (Chair)',
    ];
    const renderings = {
      md: mdText(await (await get(`/api/meetings/${corrected}/minutes.md?revision=2`, chair)).text()),
      html: htmlText(await (await get(`/api/meetings/${corrected}/minutes.html?revision=2`, chair)).text()),
      docx: (await docxText(await get(`/api/meetings/${corrected}/minutes.docx?revision=2`, chair))).words,
    };
    for (const [format, text] of Object.entries(renderings)) {
      for (const line of expected) expect(text, format).toContain(line);
      expect(text, format).not.toContain('Chair ………');
    }
    const first = htmlText(await (await get(`/api/meetings/${corrected}/minutes.html?revision=1`, chair)).text());
    expect(first).toContain(`Version 1 — confirmed on ${longDate((await json(`/api/meetings/${corrected}/minutes?revision=1`, chair)).revision!.createdAt)}`);

    const draft = {
      md: mdText(await (await get(`/api/meetings/${drafted}/minutes.md`, chair)).text()),
      docx: (await docxText(await get(`/api/meetings/${drafted}/minutes.docx`, chair))).words,
    };
    for (const [format, text] of Object.entries(draft)) {
      expect(text, format).toContain('Draft — not yet confirmed');
      expect(text, format).toContain(SIGNATURE_LINE);
      expect(text, format).not.toContain('SHA-256');
    }
  });

  it('writes the Word document of a stored version with the same items as its record', async () => {
    const first = await json(`/api/meetings/${corrected}/minutes?revision=1`, chair);
    const { words } = await docxText(await get(`/api/meetings/${corrected}/minutes.docx?revision=1`, chair));
    expect(first.items).toHaveLength(2);
    for (const item of first.items) expect(words).toContain(`${item.number}. ${item.title.toUpperCase()}`);
    expect(words).toContain('Crime is down by 4%.');
    expect(words).not.toContain('3%');
  });

  it('shows how each action stands today in the record, and never in the exports', async () => {
    const record = await json(`/api/meetings/${corrected}/minutes?revision=1`, chair);
    const stateOf = (id: string) => record.actions.find((action) => action.actionId === id)!.state;
    expect(stateOf(actions.done)).toMatchObject({ status: 'done', overdue: false, escalationLink: null });
    expect(stateOf(actions.overdue)).toMatchObject({ status: 'open', overdue: true, escalationLink: null });
    expect(stateOf(actions.escalated)).toMatchObject({ status: 'escalated', overdue: false, escalationLink: expect.stringMatching(/^\/escalations\/\d+$/) });
    const hop = await server.database.db.selectFrom('escalations').select('id').where('origin_action_id', '=', actions.escalated).executeTakeFirstOrThrow();
    expect(stateOf(actions.escalated)!.escalationLink).toBe(`/escalations/${hop.id}`);

    const published = await json(`/api/meetings/${corrected}/minutes?version=public`, outsider);
    expect(published.actions.map((action) => action.state?.status)).toEqual(['done', 'open', 'escalated']);
    const md = await (await get(`/api/meetings/${corrected}/minutes.md?revision=1`, chair)).text();
    expect(md).not.toMatch(/escalations\/|overdue/i);
  });

  it('keeps a hostile correction reason and mover inert in every export', async () => {
    const html = await (await get(`/api/meetings/${unpublished}/minutes.html?revision=2`, chair)).text();
    expect(unsafeParts(html.replace(/<style>[\s\S]*?<\/style>/, ''))).toEqual([]);
    // Shown as the words typed, escaped: never a tag.
    expect(html).toContain('Moved by &#60;img src=x onerror=alert(&#34;mover&#34;)&#62;');
    const md = await (await get(`/api/meetings/${unpublished}/minutes.md?revision=2`, chair)).text();
    expect(unsafeParts(marked.parse(md, { async: false }))).toEqual([]);
    const { files, words } = await docxText(await get(`/api/meetings/${unpublished}/minutes.docx?revision=2`, chair));
    expect(activeDocxParts(files)).toEqual([]);
    expect(words).toContain('Version 2 — corrected on');
  });
});
