import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionLogDocName, actionsOf } from '../../../shared/action-log-doc.js';
import { londonToday } from '../../../shared/actions.js';
import type { ActionHistoryResponse, ActionCountsResponse } from '../../../shared/api.js';
import { actionRows, filterRows, sortRows } from '../../../client/actions/action-table.js';
import { actionQuery, DEFAULT_FILTER, type ActionFilter, type ActionSort } from '../../../shared/action-filters.js';
import { readActions, type Action } from '../../../shared/action-log-doc.js';
import { getActionLog, listActions } from '../../support/action-log.js';
import { bodyId } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';

describe('actions API', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const bodies: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer();
    for (const local of ['chair.jag', 'member.jag', 'outsider', 'sgt.walsh', 'chair.youthjag', 'yjs']) tokens[local] = await server.signIn(local);
    for (const name of ['Charnwood JAG', 'Youth JAG', 'PZ People', 'Charnwood CSP']) bodies[name] = await bodyId(server, tokens['chair.jag']!, name);
  });
  afterAll(() => server.close());

  const jagActions = (query = '', local = 'chair.jag') => listActions(server, tokens[local]!, `/api/bodies/${bodies['Charnwood JAG']}/actions${query}`);

  it('lists a body’s actions with owner, lead agency, due date, status and RAG', async () => {
    const actions = await jagActions();
    expect(actions).toHaveLength(6);
    const hate = actions.find((action) => action.title.startsWith('Review hate incidents'))!;
    expect(hate).toMatchObject({
      reference: 'JAG-0001',
      owner: { name: 'Sgt. Becky Walsh' },
      leadAgency: { name: 'Leicestershire Police' },
      status: 'in-progress',
      rag: 'red',
      overdue: true,
      latestProgress: { text: expect.stringContaining('Licensing officer') },
    });
    const done = actions.find((action) => action.status === 'done')!;
    expect(done.rag).toBeNull();
    expect(done.overdue).toBe(false);
  });

  it('filters by status, owner, agency, overdue, theme and text, and sorts', async () => {
    expect((await jagActions('?status=outstanding')).every((action) => action.status !== 'done')).toBe(true);
    expect((await jagActions('?status=done')).map((action) => action.reference)).toEqual(['JAG-0003']);
    const walsh = (await (await server.request('/api/me', { headers: bearer(tokens['sgt.walsh']!) })).json()).user.id;
    expect((await jagActions(`?owner=${walsh}`)).map((action) => action.reference)).toEqual(['JAG-0001']);
    const overdue = await jagActions('?overdue=true');
    expect(overdue.map((action) => action.reference).sort()).toEqual(['JAG-0001', 'JAG-0004']);
    expect((await jagActions('?overdue=false')).length).toBe(4);
    expect((await jagActions('?theme=Hate%20crime')).map((action) => action.reference)).toEqual(['JAG-0001']);
    expect((await jagActions('?q=victim')).map((action) => action.reference)).toEqual(['JAG-0002']);
    expect((await jagActions('?q=100%25')).length).toBe(0);
    const byDue = (await jagActions('?sort=due')).map((action) => action.dueDate);
    expect(byDue).toEqual([...byDue].sort());
    const byRag = (await jagActions('?sort=rag')).map((action) => action.rag ?? 'none');
    expect(byRag.indexOf('red')).toBeLessThan(byRag.indexOf('green'));
    expect(byRag.at(-1)).toBe('none');
  });

  it('refuses bad filters with a clear error', async () => {
    for (const query of ['?status=finished', '?sort=colour', '?owner=abc', '?overdue=maybe', '?unknown=1']) {
      const response = await server.request(`/api/bodies/${bodies['Charnwood JAG']}/actions${query}`, { headers: bearer(tokens['chair.jag']!) });
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.code).toBe('validation_failed');
    }
  });

  it('gives “my actions” across every body I sit on, overdue first, and counts for the navigation', async () => {
    const mine = await listActions(server, tokens['member.jag']!, '/api/me/actions');
    expect(new Set(mine.map((action) => action.bodyName))).toEqual(
      new Set(['Charnwood Joint Action Group', 'Bell Foundry People Zone — People']),
    );
    expect(mine[0]!.overdue).toBe(true);
    expect(mine.every((action) => action.owner?.name === 'Daniel Okafor')).toBe(true);
    const counts = (await (await server.request('/api/me/action-counts', { headers: bearer(tokens['member.jag']!) })).json()) as ActionCountsResponse;
    expect(counts).toEqual({ outstanding: 2, overdue: 1 });
    expect(await listActions(server, tokens.outsider!, '/api/me/actions')).toEqual([]);
  });

  it('leaves out actions on bodies I no longer sit on', async () => {
    const walsh = (await (await server.request('/api/me', { headers: bearer(tokens['sgt.walsh']!) })).json()).user.id;
    await server.database.db.deleteFrom('memberships').where('user_id', '=', walsh).where('body_id', '=', bodies['Charnwood JAG']!).execute();
    expect((await listActions(server, tokens['sgt.walsh']!, '/api/me/actions')).map((action) => action.reference)).not.toContain('JAG-0001');
    await server.database.db.insertInto('memberships').values({ user_id: walsh, body_id: bodies['Charnwood JAG']!, role: 'member' }).execute();
  });

  it('shows a progress update in the lists as soon as it is posted', async () => {
    const [mine] = await listActions(server, tokens['member.jag']!, '/api/me/actions');
    const posted = await server.request(`/api/bodies/${mine!.bodyId}/actions/${mine!.id}/progress`, {
      method: 'POST',
      headers: { ...bearer(tokens['member.jag']!), 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Hotspot map shared with the neighbourhood team.' }),
    });
    expect(posted.status).toBe(204);
    const [after] = await listActions(server, tokens['member.jag']!, '/api/me/actions');
    expect(after!.latestProgress?.text).toBe('Hotspot map shared with the neighbourhood team.');
  });

  it('never shows a confidential body’s actions to outsiders, by list, CSV or history, and answers as for a missing body', async () => {
    const youth = bodies['Youth JAG']!;
    const members = await listActions(server, tokens.yjs!, `/api/bodies/${youth}/actions`);
    expect(members).toHaveLength(1);
    const missing = await (await server.request('/api/bodies/999999/actions', { headers: bearer(tokens.outsider!) })).text();
    for (const local of ['outsider', 'chair.jag']) {
      for (const path of [`/api/bodies/${youth}/actions`, `/api/bodies/${youth}/actions.csv`, `/api/bodies/${youth}/actions/${members[0]!.id}/history`]) {
        const response = await server.request(path, { headers: bearer(tokens[local]!) });
        expect(response.status, `${local} ${path}`).toBe(404);
        expect(await response.text()).toBe(missing);
      }
      expect(await listActions(server, tokens[local]!, '/api/me/actions')).not.toEqual(
        expect.arrayContaining([expect.objectContaining({ bodyId: youth })]),
      );
    }
  });

  it('exports the log as CSV that Excel opens: BOM, CRLF, quoted fields, en-GB dates, no formulas', async () => {
    const hate = (await jagActions()).find((action) => action.reference === 'JAG-0001')!;
    await server.request(`/api/bodies/${hate.bodyId}/actions/${hate.id}/progress`, {
      method: 'POST',
      headers: { ...bearer(tokens['sgt.walsh']!), 'content-type': 'application/json' },
      body: JSON.stringify({ text: '=HYPERLINK("http://evil.example","click"), and a "quoted" word' }),
    });
    await server.registry.settle();
    const response = await server.request(`/api/bodies/${bodies['Charnwood JAG']}/actions.csv?sort=reference`, { headers: bearer(tokens['chair.jag']!) });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="charnwood-jag-actions-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'Reference,Key action,Description,Owner,Lead agency,Due date,Status,RAG,RAG override reason,Theme,Financial and resource implications,Outcome target and performance measure,Latest progress,Progress date,Raised,Closed',
    );
    expect(lines).toHaveLength(8); // header, six actions, final empty line
    const first = lines[1]!;
    expect(first).toMatch(/^JAG-0001,Review hate incidents in and around licensed premises,,Sgt. Becky Walsh,Leicestershire Police,\d{2}\/\d{2}\/\d{4},In progress,Red,/);
    expect(first).toContain(`"'=HYPERLINK(""http://evil.example"",""click""), and a ""quoted"" word"`);
    expect(first).toContain(`,${new Intl.DateTimeFormat('en-GB').format(new Date())},`);
  });

  it('downloads the CSV of the actions shown in the table’s own order, whichever filters and column the table uses', async () => {
    const jag = bodies['Charnwood JAG']!;
    const token = tokens['chair.jag']!;
    const { members, agencies, docName } = await getActionLog(server, token, jag);
    let live: Action[] = [];
    await server.registry.change(docName, (doc) => {
      live = readActions(doc);
    });
    const today = londonToday();
    const rows = actionRows(live, members, agencies, today);
    const cases: [Partial<ActionFilter>, ActionSort][] = [
      [{ status: 'all' }, { column: 'due', direction: 'descending' }],
      [{ status: 'all' }, { column: 'owner', direction: 'ascending' }],
      [{ status: 'all' }, { column: 'agency', direction: 'descending' }],
      [{ status: 'all' }, { column: 'status', direction: 'ascending' }],
      [{}, { column: 'rag', direction: 'ascending' }],
      [{}, { column: 'title', direction: 'descending' }],
      [{ status: 'all' }, { column: 'reference', direction: 'descending' }],
      [{ status: 'all' }, { column: 'progress', direction: 'ascending' }],
      [{ status: 'all', theme: 'asb' }, { column: 'theme', direction: 'ascending' }],
      [{ text: 'the' }, { column: 'due', direction: 'ascending' }],
    ];
    for (const [partial, sort] of cases) {
      const filter = { ...DEFAULT_FILTER, ...partial };
      const shown = sortRows(filterRows(rows, filter, today), sort).map((row) => row.action.reference);
      const query = actionQuery(filter, sort);
      const csv = await (await server.request(`/api/bodies/${jag}/actions.csv?${query}`, { headers: bearer(token) })).text();
      const downloaded = csv.replace(/^\uFEFF/, '').split('\r\n').slice(1, -1).map((line) => line.split(',')[0]);
      expect(downloaded, `?${query}`).toEqual(shown);
    }
  });

  it('tells an action’s history: who changed what, when', async () => {
    const hate = (await jagActions()).find((action) => action.reference === 'JAG-0001')!;
    const response = await server.request(`/api/bodies/${hate.bodyId}/actions/${hate.id}/history`, { headers: bearer(tokens['member.jag']!) });
    const { history } = (await response.json()) as ActionHistoryResponse;
    expect(history[0]).toMatchObject({ field: 'created', label: 'Raised', to: hate.title });
    expect(history.at(-1)).toMatchObject({ field: 'progress', label: 'Progress', by: [{ name: 'Sgt. Becky Walsh' }], to: expect.stringContaining('HYPERLINK') });
    expect(londonToday(new Date(history.at(-1)!.at))).toBe(londonToday());
  });

  it('tells the history in words: people, statuses and dates as a reader knows them', async () => {
    const jag = bodies['Charnwood JAG']!;
    const fire = (await jagActions()).find((action) => action.title.startsWith('Fire safety visits'))!;
    const me = async (local: string) => (await (await server.request('/api/me', { headers: bearer(tokens[local]!) })).json()).user.id as number;
    const [chair, member] = [await me('chair.jag'), await me('member.jag')];
    await server.registry.change(actionLogDocName(jag), (doc) => {
      const map = actionsOf(doc).get(fire.id)!;
      map.set('ownerId', member);
      map.set('status', 'open');
      map.set('dueDate', '2027-03-31');
    }, chair);
    await server.registry.settle();
    const { history } = (await (await server.request(`/api/bodies/${jag}/actions/${fire.id}/history`, { headers: bearer(tokens['member.jag']!) })).json()) as ActionHistoryResponse;
    const latest = history.slice(-3).map(({ label, from, to, by }) => ({ label, from, to, by: by.map((person) => person.name) }));
    expect(latest).toEqual(
      expect.arrayContaining([
        { label: 'Owner', from: 'Karen Doyle', to: 'Daniel Okafor', by: ['Helen Whitmore'] },
        { label: 'Status', from: 'In progress', to: 'Open', by: ['Helen Whitmore'] },
        { label: 'Due date', from: expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/), to: '31/03/2027', by: ['Helen Whitmore'] },
      ]),
    );
  });

  it('answers unknown actions with 404 and malformed ids with 400', async () => {
    const jag = bodies['Charnwood JAG']!;
    expect((await server.request(`/api/bodies/${jag}/actions/nope0000/history`, { headers: bearer(tokens['chair.jag']!) })).status).toBe(404);
    expect((await server.request(`/api/bodies/${jag}/actions/%3Cscript%3E/history`, { headers: bearer(tokens['chair.jag']!) })).status).toBe(400);
  });

  it('lets an owner change the status of their action and mark it done, written into the live log', async () => {
    const jag = bodies['Charnwood JAG']!;
    const mine = (await jagActions('', 'sgt.walsh')).find((action) => action.owner?.name === 'Sgt. Becky Walsh' && action.status === 'in-progress')!;
    const post = (local: string, status: string, id = mine.id) =>
      server.request(`/api/bodies/${jag}/actions/${id}/status`, {
        method: 'POST',
        headers: { ...bearer(tokens[local]!), 'content-type': 'application/json' },
        body: JSON.stringify({ status }),
      });
    expect((await post('member.jag', 'done')).status).toBe(403); // not theirs
    expect((await post('sgt.walsh', 'finished')).status).toBe(400);
    expect((await post('sgt.walsh', 'done', 'nope0000')).status).toBe(404);
    expect((await post('sgt.walsh', 'done')).status).toBe(204);
    let live: Action[] = [];
    await server.registry.change(actionLogDocName(jag), (doc) => {
      live = readActions(doc);
    });
    expect(live.find((action) => action.id === mine.id)!).toMatchObject({ status: 'done', closedAt: expect.any(String) });
    expect((await jagActions('?status=done')).find((action) => action.id === mine.id)?.closedAt).toEqual(expect.any(String));
    const refused = await post('sgt.walsh', 'open'); // reopening is for those running the body
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('You may not move this action from Done to Open');
    expect((await post('chair.jag', 'open')).status).toBe(204);
    expect((await jagActions('?status=open')).find((action) => action.id === mine.id)?.closedAt).toBeNull();
  });

  it('gives chairs, vice-chairs and secretariat the outstanding actions of the bodies they run, whoever owns them', async () => {
    const list = async (local: string) =>
      ((await (await server.request('/api/me/bodies-actions', { headers: bearer(tokens[local]!) })).json()) as { actions: { bodyId: number; status: string; owner: { name: string } | null }[] }).actions;
    const chairs = await list('chair.jag');
    const jagOutstanding = (await jagActions('?status=outstanding')).length;
    expect(chairs.filter((action) => action.bodyId === bodies['Charnwood JAG']).length).toBe(jagOutstanding);
    expect(chairs.some((action) => action.owner?.name !== 'Helen Whitmore')).toBe(true);
    expect(chairs.every((action) => action.status !== 'done' && action.status !== 'dropped')).toBe(true);
    expect(await list('member.jag')).toEqual([]);
  });
});
