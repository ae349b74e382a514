/**
 * The access matrix for escalations, priorities, notifications and raising
 * actions over REST (expectations in `access-matrix-governance.table.ts`).
 * Each write is probed on something made fresh for its cell, and checked to
 * have changed nothing when refused.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { actionLogDocName, addAction } from '../../shared/action-log-doc.js';
import type { EscalationStatus } from '../../shared/escalation.js';
import type { EscalationCreatedResponse, NotificationsResponse, PriorityCreatedResponse } from '../../shared/api.js';
import { CAST, startCast, type BodyKey, type Cast } from '../support/access-cast.js';
import { jsonPost, matrixTests, type Cell, type Probe } from '../support/access-matrix-harness.js';
import { bearer } from '../support/test-server.js';
import { GOVERNANCE_TABLE, type GovernanceRoute } from './access-matrix-governance.table.js';

describe('access matrix: escalations, priorities and notifications', () => {
  let cast: Cast;
  let serial = 0;
  /** A confidential sub-group under the Youth JAG, chaired by its chair: somewhere to escalate from and route to. */
  let subGroupId: number;
  let cspId: number;
  /** The CSP's chair routes priorities to the JAG; they play "other body" in the cast, so hold a session already. */
  let cspChair: string;
  let fixed: Record<BodyKey, { actionId: string; sentEscalationId: number; priorityId: number }>;
  const db = () => cast.server.database.db;
  const chair = (body: BodyKey) => cast.token(body, 'chair');

  async function post<T>(token: string, path: string, body: unknown): Promise<T> {
    const response = await cast.server.request(path, { ...jsonPost(body), headers: { ...bearer(token), 'content-type': 'application/json' } });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  /** An action raised straight in a body's live log, and projected. */
  async function actionIn(bodyId: number, title: string): Promise<string> {
    let actionId = '';
    await cast.server.registry.change(actionLogDocName(bodyId), (doc) => {
      actionId = addAction(doc, { title });
    });
    await cast.server.registry.flush(actionLogDocName(bodyId));
    return actionId;
  }
  /** A fresh action of `fromBodyId` escalated to its parent by `token`'s user; returns the escalation's id. */
  async function escalated(token: string, fromBodyId: number, title: string): Promise<number> {
    const actionId = await actionIn(fromBodyId, title);
    const { escalation } = await post<EscalationCreatedResponse>(token, `/api/actions/${actionId}/escalations`, {
      summary: `Summary for the tier above ${++serial}`,
      reason: 'Needs partners the body does not have',
      bodyId: fromBodyId,
    });
    return escalation.id;
  }
  /** An escalation the cell's body has received: the JAG's from the Youth JAG; the Youth JAG's from its sub-group. */
  const received = (body: BodyKey) =>
    body === 'jag'
      ? escalated(chair('youthJag'), cast.bodyIds.youthJag, `Youth JAG matrix escalation ${++serial}`)
      : escalated(chair('youthJag'), subGroupId, `Sub-group matrix escalation ${++serial}`);
  const published = async (token: string, fromBodyId: number, targetBodyIds: number[]) =>
    (await post<PriorityCreatedResponse>(token, `/api/bodies/${fromBodyId}/priorities`, { title: `Matrix priority ${++serial}`, description: 'Routed for the matrix', targetBodyIds })).priority.id;
  const hopStatus = async (id: number) => (await db().selectFrom('escalations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const hopCount = async () => (await db().selectFrom('escalations').select('id').execute()).length;

  beforeAll(async () => {
    cast = await startCast();
    const youthChair = cast.userId(CAST.youthJag.chair);
    const sub = await db()
      .insertInto('bodies')
      .values({ name: 'Youth JAG matrix sub-group', short_name: 'YJAG matrix', kind: 'sub-group', tier: 5, parent_id: cast.bodyIds.youthJag, confidential: 1, cadence: 'monthly', reference_prefix: 'YMX' })
      .returning('id')
      .executeTakeFirstOrThrow();
    subGroupId = sub.id;
    await db().insertInto('memberships').values({ body_id: subGroupId, user_id: youthChair, role: 'chair' }).execute();
    cspChair = cast.token('jag', 'other-body');
    cspId = (await db().selectFrom('bodies').select('id').where('short_name', '=', 'Charnwood CSP').executeTakeFirstOrThrow()).id;
    const firstAction = async (body: BodyKey) =>
      (await db().selectFrom('actions').select('action_id').where('body_id', '=', cast.bodyIds[body]).orderBy('reference').executeTakeFirstOrThrow()).action_id;
    fixed = {
      jag: {
        actionId: await firstAction('jag'),
        sentEscalationId: await escalated(chair('jag'), cast.bodyIds.jag, `JAG matrix escalation ${++serial}`),
        priorityId: await published(cspChair, cspId, [cast.bodyIds.jag]),
      },
      youthJag: {
        actionId: await firstAction('youthJag'),
        sentEscalationId: await escalated(chair('youthJag'), cast.bodyIds.youthJag, `Youth JAG matrix escalation ${++serial}`),
        priorityId: await published(chair('youthJag'), cast.bodyIds.youthJag, [subGroupId]),
      },
    };
  });
  afterAll(() => cast?.close());

  /** An answer to a fresh escalation the body received; refused, it leaves the escalation open. */
  const answer = (body: unknown, status: EscalationStatus) => async ({ body: key }: Cell): Promise<Probe> => {
    const id = await received(key);
    return {
      params: { id },
      init: jsonPost(body),
      async after(reply) {
        expect(await hopStatus(id)).toBe(reply.status === 200 || reply.status === 201 ? status : 'open');
      },
    };
  };

  const PROBES: Record<GovernanceRoute, (cell: Cell) => Promise<Probe> | Probe> = {
    'POST /api/bodies/:id/actions': ({ bodyId }) => {
      const title = `Matrix action raised over REST ${++serial}`;
      return {
        params: { id: bodyId },
        init: jsonPost({ title }),
        async after({ status }) {
          const rows = await db().selectFrom('actions').select('body_id').where('title', '=', title).execute();
          expect(rows).toEqual(status === 201 ? [{ body_id: bodyId }] : []);
        },
      };
    },
    'POST /api/actions/:id/escalations': async ({ body, bodyId }) => {
      const actionId = await actionIn(bodyId, `${body === 'youthJag' ? 'Youth JAG' : 'JAG'} matrix action to escalate ${++serial}`);
      const before = await hopCount();
      return {
        params: { id: actionId },
        init: jsonPost({ summary: `Matrix summary ${serial}`, reason: 'Matrix reason', bodyId }),
        async after({ status }) {
          expect(await hopCount()).toBe(status === 201 ? before + 1 : before);
          const row = await db().selectFrom('actions').select('status').where('body_id', '=', bodyId).where('action_id', '=', actionId).executeTakeFirstOrThrow();
          expect(row.status).toBe(status === 201 ? 'escalated' : 'open');
        },
      };
    },
    'GET /api/bodies/:id/escalations': ({ bodyId }) => ({ params: { id: bodyId } }),
    'GET /api/bodies/:id/actions/:actionId/escalations': ({ body, bodyId }) => ({ params: { id: bodyId, actionId: fixed[body].actionId } }),
    'GET /api/escalations/:id': ({ body }) => ({ params: { id: fixed[body].sentEscalationId } }),
    'POST /api/escalations/:id/accept': answer({ note: 'Taken on' }, 'accepted'),
    'POST /api/escalations/:id/return': answer({ guidance: 'Try the housing panel first' }, 'returned'),
    'POST /api/escalations/:id/resolve': answer({ outcome: 'Funded from the partnership pot' }, 'resolved'),
    'POST /api/escalations/:id/escalate': answer({ summary: 'For the tier above', reason: 'Beyond our remit' }, 'escalated'),
    'POST /api/bodies/:id/priorities': ({ bodyId }) => {
      const title = `Matrix priority published ${++serial}`;
      return {
        params: { id: bodyId },
        init: jsonPost({ title, description: 'For every body below', targetBodyIds: 'all' }),
        async after({ status }) {
          const rows = await db().selectFrom('priorities').select('body_id').where('title', '=', title).execute();
          expect(rows).toEqual(status === 201 ? [{ body_id: bodyId }] : []);
        },
      };
    },
    'GET /api/bodies/:id/priorities': ({ bodyId }) => ({ params: { id: bodyId } }),
    'GET /api/priorities/:id': ({ body }) => ({ params: { id: fixed[body].priorityId } }),
    'POST /api/priorities/:id/acknowledge': async ({ body, bodyId }) => {
      const id = body === 'jag' ? await published(cspChair, cspId, [bodyId]) : await published(chair('jag'), cast.bodyIds.jag, [bodyId]);
      return {
        params: { id },
        init: jsonPost({ bodyId }),
        async after({ status }) {
          const row = await db().selectFrom('priority_targets').select('acknowledged_at').where('priority_id', '=', id).where('body_id', '=', bodyId).executeTakeFirstOrThrow();
          expect(row.acknowledged_at !== null).toBe(status === 200);
        },
      };
    },
    'GET /api/me/notifications': ({ local }) => ({
      async after(reply) {
        if (reply.status !== 200) return;
        const listed = reply.json<NotificationsResponse>().notifications.map((notification) => notification.id);
        const mine = (await db().selectFrom('notifications').select('id').where('user_id', '=', cast.userId(local)).execute()).map((row) => row.id);
        expect(listed.every((id) => mine.includes(id))).toBe(true);
      },
    }),
    'POST /api/me/notifications/read': ({ local }) => ({
      init: jsonPost({ all: true }),
      async after({ status }) {
        if (status !== 200) return;
        const unread = await db().selectFrom('notifications').select('id').where('user_id', '=', cast.userId(local)).where('read_at', 'is', null).execute();
        expect(unread).toEqual([]);
      },
    }),
  };

  matrixTests(GOVERNANCE_TABLE, PROBES, () => cast);
});
