/**
 * The demo's governance in motion, made through the same services as the API
 * once the server is up (escalations and priorities write into live
 * documents): the Youth JAG has escalated its cohort review to the JAG, which
 * is waiting in the JAG's inbox and on its next agenda, and the SPB has routed
 * a priority to the Charnwood CSP. Each open body's earlier minutes are
 * published, and the JAG's latest are out for comment.
 */
import type { AppDeps } from '../app-deps.js';
import { createEscalationService } from '../escalations/index.js';
import { createPriorityService } from '../priorities/index.js';
import { seedDemoMinutes } from './seed-minutes.js';

const DEMO = '@demo.quorum.test';

export async function seedDemoGovernance(deps: AppDeps): Promise<void> {
  const { db } = deps;
  const userId = async (local: string) => (await db.selectFrom('users').select('id').where('email', '=', `${local}${DEMO}`).executeTakeFirstOrThrow()).id;
  const bodyId = async (shortName: string) => (await db.selectFrom('bodies').select('id').where('short_name', '=', shortName).executeTakeFirstOrThrow()).id;

  const youthJag = await bodyId('Youth JAG');
  const cohortReview = await db
    .selectFrom('actions')
    .select('action_id')
    .where('body_id', '=', youthJag)
    .where('title', '=', 'Cohort review using the 5 by 5 risk matrix')
    .executeTakeFirstOrThrow();
  await createEscalationService(deps).escalateAction(cohortReview.action_id, await userId('chair.youthjag'), {
    bodyId: youthJag,
    summary: 'Three young people in the cohort need a place on a diversion programme that no Youth JAG partner funds.',
    reason: 'The Youth JAG has no budget for diversion places; the JAG can ask the CSP’s knife crime and youth projects fund.',
  });

  await createPriorityService(deps).publish(await bodyId('SPB'), await userId('chair.spb'), {
    title: 'Reduce repeat anti-social behaviour in the priority neighbourhoods',
    description: 'Each CSP identifies its repeat locations and victims, and reports the actions taken against them every quarter.',
    theme: 'Anti-social behaviour',
    period: '2026/27',
    targetBodyIds: [await bodyId('Charnwood CSP')],
  });

  await seedDemoMinutes(deps);
}
