import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionLogDocName, actionsOf, readActions } from '../../../shared/action-log-doc.js';
import { CLOSE_CODES } from '../../../shared/realtime-protocol.js';
import { listActions } from '../../support/action-log.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { connectPeer, eventually, type TestPeer } from '../../support/yjs-client.js';
import { publish, signInAll } from './priority-client.js';

const TITLE = 'Map repeat ASB locations on the Warwick Way estate';

describe('linking an action to a priority in the live log', () => {
  let server: TestServer;
  let tokens: Record<string, string>;
  let ids: Record<string, number>;
  const peers: TestPeer[] = [];
  const peer = (local: string) => {
    const connected = connectPeer(server.yjsUrl, actionLogDocName(ids['Charnwood JAG']!), tokens[local]!);
    peers.push(connected);
    return connected;
  };
  const mapOf = (doc: Y.Doc) => actionsOf(doc).get(readActions(doc).find((action) => action.title === TITLE)!.id)!;
  const linkedInSql = async () =>
    (await listActions(server, tokens['chair.jag']!, `/api/bodies/${ids['Charnwood JAG']}/actions`)).find((action) => action.title === TITLE)!.priorityId;

  beforeAll(async () => {
    server = await startTestServer();
    ({ tokens, ids } = await signInAll(server, ['chair.spb', 'chair.jag', 'member.jag'], ['SPB', 'Charnwood JAG', 'PZ People']));
  });
  afterEach(() => {
    for (const each of peers.splice(0)) each.destroy();
  });
  afterAll(() => server.close());

  it('accepts a priority routed to the body, even one routed while the log was open', async () => {
    const member = peer('member.jag');
    await member.synced();
    const routed = await publish(server, tokens['chair.spb']!, ids.SPB!, { title: 'Routed to the JAG', targetBodyIds: [ids['Charnwood JAG']!] });
    mapOf(member.doc).set('priorityId', routed.id);
    await eventually(async () => expect(await linkedInSql()).toBe(routed.id));
    expect(member.refusals).toEqual([]);
    const fresh = peer('chair.jag');
    await fresh.synced();
    expect(mapOf(fresh.doc).get('priorityId')).toBe(routed.id);
  });

  it('refuses, storing nothing, a priority not routed to the body', async () => {
    const elsewhere = await publish(server, tokens['chair.spb']!, ids.SPB!, { title: 'Routed to the People Zone only', targetBodyIds: [ids['PZ People']!] });
    const member = peer('member.jag');
    await member.synced();
    const before = await linkedInSql();
    mapOf(member.doc).set('priorityId', elsewhere.id);
    expect((await member.closed).code).toBe(CLOSE_CODES.invalidUpdate);
    expect(member.refusals[0]?.code).toBe('invalid_update');
    await server.registry.settle();
    expect(await linkedInSql()).toBe(before);
    const fresh = peer('chair.jag');
    await fresh.synced();
    expect(mapOf(fresh.doc).get('priorityId')).toBe(before);
  });
});
