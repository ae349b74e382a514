import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_LOG_LIMITS, actionsOf, addAction, addProgress, readActions } from '../../../shared/action-log-doc.js';
import type { ActionHistoryResponse } from '../../../shared/api.js';
import { getActionLog, listActions } from '../../support/action-log.js';
import { bodyId } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';
import { connectPeer, eventually, type TestPeer } from '../../support/yjs-client.js';

describe('an action belongs to one body, whatever its id', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const bodies: Record<string, number> = {};
  const peers: TestPeer[] = [];
  const peer = (local: string, docName: string) => {
    const connected = connectPeer(server.yjsUrl, docName, tokens[local]!);
    peers.push(connected);
    return connected;
  };
  const history = async (local: string, body: number, actionId: string) =>
    server.request(`/api/bodies/${body}/actions/${actionId}/history`, { headers: bearer(tokens[local]!) });

  beforeAll(async () => {
    server = await startTestServer();
    for (const local of ['chair.jag', 'member.jag', 'yjs', 'sgt.walsh']) tokens[local] = await server.signIn(local);
    for (const name of ['Charnwood JAG', 'Youth JAG']) bodies[name] = await bodyId(server, tokens['sgt.walsh']!, name);
  });
  afterEach(() => {
    for (const each of peers.splice(0)) each.destroy();
  });
  afterAll(() => server.close());

  it('keeps a confidential action where it is when another body’s log reuses its id', async () => {
    const youth = bodies['Youth JAG']!;
    const jag = bodies['Charnwood JAG']!;
    const [cohort] = await listActions(server, tokens.yjs!, `/api/bodies/${youth}/actions`);
    expect(cohort!.title).toBe('Cohort review using the 5 by 5 risk matrix');

    // A JAG member raises, in the JAG's own log, an action whose id is the Youth JAG action's.
    const attacker = peer('member.jag', (await getActionLog(server, tokens['member.jag']!, jag)).docName);
    await attacker.synced();
    addAction(attacker.doc, { title: 'Decoy', ownerId: null }, cohort!.id);
    await eventually(() => expect(readActions(attacker.doc).find((action) => action.id === cohort!.id)?.reference).toMatch(/^JAG-/));
    await server.registry.settle();

    // The Youth JAG's action is still the Youth JAG's: in its list, and in its owner's My actions.
    expect((await listActions(server, tokens.yjs!, `/api/bodies/${youth}/actions`)).map((action) => action.title)).toEqual([cohort!.title]);
    expect((await listActions(server, tokens.yjs!, '/api/me/actions')).map((action) => action.title)).toContain(cohort!.title);
    // The JAG's decoy is the JAG's, and its history is the decoy's alone.
    expect((await listActions(server, tokens['member.jag']!, `/api/bodies/${jag}/actions`)).map((action) => action.title)).toContain('Decoy');
    const decoy = (await (await history('member.jag', jag, cohort!.id)).json()) as ActionHistoryResponse;
    expect(decoy.action.title).toBe('Decoy');
    expect(JSON.stringify(decoy)).not.toContain('Cohort');
    // And the Youth JAG's history, progress included, is still shut to the JAG member.
    const leak = await history('member.jag', youth, cohort!.id);
    expect(leak.status).toBe(404);
    expect(await leak.text()).not.toContain('Cohort');
    expect((await history('yjs', youth, cohort!.id)).status).toBe(200);
  });

  it('refuses a progress update over the limit with a clear error, and the log stays editable', async () => {
    const jag = bodies['Charnwood JAG']!;
    const { docName } = await getActionLog(server, tokens['chair.jag']!, jag);
    const [hate] = await listActions(server, tokens['chair.jag']!, `/api/bodies/${jag}/actions?q=hate%20incidents`);
    const walsh = hate!.owner!.id;
    // Fill the action's progress to one short of the limit, as a long-running action might.
    await server.registry.change(docName, (doc) => {
      const progress = actionsOf(doc).get(hate!.id)!.get('progress') as { length: number };
      for (let index = progress.length; index < ACTION_LOG_LIMITS.progressEntries - 1; index += 1) {
        addProgress(doc, hate!.id, { authorId: walsh, at: new Date().toISOString(), text: `Update ${index}` });
      }
    });
    const post = (text: string) =>
      server.request(`/api/bodies/${jag}/actions/${hate!.id}/progress`, {
        method: 'POST',
        headers: { ...bearer(tokens['sgt.walsh']!), 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
    expect((await post('The last one that fits')).status).toBe(204);
    const refused = await post('One too many');
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toContain(`${ACTION_LOG_LIMITS.progressEntries}`);

    // Nothing over the limit was stored, and everyone can still edit the log.
    const editor = peer('member.jag', docName);
    await editor.synced();
    const stored = readActions(editor.doc).find((action) => action.id === hate!.id)!;
    expect(stored.progress).toHaveLength(ACTION_LOG_LIMITS.progressEntries);
    expect(stored.progress.map((entry) => entry.text)).not.toContain('One too many');
    const mine = readActions(editor.doc).find((action) => action.title.startsWith('Map repeat ASB'))!;
    actionsOf(editor.doc).get(mine.id)!.set('theme', 'ASB hotspots');
    await eventually(async () =>
      expect((await listActions(server, tokens['chair.jag']!, `/api/bodies/${jag}/actions?theme=ASB%20hotspots`)).map((action) => action.id)).toEqual([mine.id]),
    );
    expect(editor.refusals).toEqual([]);
  });
});
