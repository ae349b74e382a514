import * as Y from 'yjs';
import { ACTION_LOG_LIMITS, addAction, completeActionLog, moveActionTo } from '../../shared/action-log-doc.js';
import type { EscalationAcceptedResponse, EscalationSummary } from '../../shared/api.js';
import { formatDate } from '../../shared/dates.js';
import { newId } from '../../shared/doc-validation.js';
import { mayAnswerEscalation } from '../../shared/permissions.js';
import type { EscalateRequest } from '../../shared/schemas.js';
import { findActionSummary, referencePrefix } from '../actions/action-repository.js';
import type { AppDeps } from '../app-deps.js';
import { recordAuditEvent } from '../audit/audit-log.js';
import { forbidden, notFound } from '../http/http-error.js';
import { cutTo } from './escalation-text.js';
import { standingsOf, visibleHop, type Standings } from './escalation-access.js';
import { addAnswerProgress, changeActionLog, liveAction } from './escalation-log-changes.js';
import { hopsChanged, tellEscalationAnswered } from './escalation-notices.js';
import { answerHop, findHop, reopenHop, type HopAnswer, type HopRow } from './escalation-repository.js';
import { conflict, escalationTarget, raiseHop } from './escalation-service.js';
import { describeHop } from './escalation-summary.js';

/** The adopted action's title: the summary's first line, within the log's limit. */
function adoptedTitle(summary: string): string {
  return cutTo(summary.split('\n', 1)[0]!.trim(), ACTION_LOG_LIMITS.titleLength);
}

/**
 * The receiving chair's answers. The origin action's own fields are never
 * copied anywhere: its body may be confidential, and the summary was written
 * for the receiving tier.
 */
export function createEscalationAnswers(deps: AppDeps) {
  const { db } = deps;

  /** A hop the caller may answer now: 404 if they may not know of it, 403 if not its receiving chair, 409 once answered. */
  async function hopToAnswer(id: number, userId: number): Promise<{ hop: HopRow; standings: Standings }> {
    const standings = await standingsOf(db, userId);
    const found = await visibleHop(db, id, standings);
    if (!found) throw notFound('Escalation');
    const role = standings.get(found.hop.to_body_id)?.myRole ?? null;
    if (!mayAnswerEscalation(role, 'open')) throw forbidden('Only the receiving body’s chair or vice-chair can answer an escalation');
    if (!mayAnswerEscalation(role, found.hop.status)) throw conflict('This escalation has already been answered');
    return { hop: found.hop, standings };
  }

  /**
   * Claims the hop for this answer first (a second, racing answer is refused
   * before it changes anything), then makes the answer's change to a live log;
   * if the log refuses it, the hop is open again and nothing else happened.
   * Then audits it and tells those concerned.
   */
  async function recordAnswer(hop: HopRow, details: HopAnswer, changeLog?: () => Promise<void>): Promise<HopRow> {
    if (!(await answerHop(db, hop.id, details))) throw conflict('This escalation has already been answered');
    try {
      await changeLog?.();
    } catch (error) {
      await reopenHop(db, hop.id);
      throw error;
    }
    const answered = (await findHop(db, hop.id))!;
    await recordAuditEvent(db, { actorUserId: details.by, action: `escalation.${details.status}`, subjectType: 'escalation', subjectId: hop.id, details: { text: details.text } });
    await tellEscalationAnswered(deps, answered, details.text);
    return answered;
  }

  const bodyName = (standings: Standings, bodyId: number) => standings.get(bodyId)?.name ?? 'the body above';

  /** What the answer does to the action the chain started from, with a progress entry saying so in its own log. */
  const answerOnOriginAction = (hop: HopRow, userId: number, move: (action: Y.Map<unknown>) => void, progress: string) =>
    changeActionLog(
      deps,
      hop.origin_body_id,
      (doc) => {
        const map = liveAction(doc, hop.origin_action_id);
        if (!map) return;
        move(map);
        addAnswerProgress(doc, hop.origin_action_id, userId, progress);
      },
      userId,
    );

  return {
    async accept(id: number, userId: number, note: string): Promise<EscalationAcceptedResponse> {
      const { hop, standings } = await hopToAnswer(id, userId);
      const actionId = newId();
      const prefix = await referencePrefix(db, hop.to_body_id);
      const description = [hop.summary, `Reason: ${hop.reason}`, `Escalated by ${bodyName(standings, hop.from_body_id)} on ${formatDate(hop.raised_at)}`].join('\n\n');
      const adopt = () =>
        changeActionLog(
          deps,
          hop.to_body_id,
          (doc) => {
            addAction(doc, { title: adoptedTitle(hop.summary) }, actionId);
            (liveAction(doc, actionId)!.get('description') as Y.Text).insert(0, description);
            // A server change gets no follow-up from the log, so it numbers the new action itself.
            completeActionLog(doc, prefix)?.(doc);
          },
          userId,
        );
      const answered = await recordAnswer(hop, { status: 'accepted', text: note, by: userId, at: new Date().toISOString(), adoptedActionId: actionId }, adopt);
      hopsChanged(deps, [answered]);
      const action = await findActionSummary(db, hop.to_body_id, actionId);
      if (!action) throw new Error(`adopted action ${actionId} was not projected`);
      return { escalation: await describeHop(db, answered, standings), action };
    },

    /** Sent back down: the body below has it again, the origin action reopened if it was the first hop. */
    async return(id: number, userId: number, guidance: string): Promise<EscalationSummary> {
      const { hop, standings } = await hopToAnswer(id, userId);
      const reopenOrigin = () =>
        answerOnOriginAction(hop, userId, (map) => map.get('status') === 'escalated' && moveActionTo(map, 'open'), `Returned by ${bodyName(standings, hop.to_body_id)} with guidance: ${guidance}`);
      const answered = await recordAnswer(hop, { status: 'returned', text: guidance, by: userId, at: new Date().toISOString() }, hop.previous_id === null ? reopenOrigin : undefined);
      const previous = hop.previous_id === null ? undefined : await findHop(db, hop.previous_id);
      if (previous) await reopenHop(db, previous.id);
      hopsChanged(deps, previous ? [answered, previous] : [answered]);
      return describeHop(db, answered, standings);
    },

    /** Settled at this tier: the origin action is done. */
    async resolve(id: number, userId: number, outcome: string): Promise<EscalationSummary> {
      const { hop, standings } = await hopToAnswer(id, userId);
      const closeOrigin = () =>
        answerOnOriginAction(hop, userId, (map) => moveActionTo(map, 'done'), `Resolved by ${bodyName(standings, hop.to_body_id)}: ${outcome}`);
      const answered = await recordAnswer(hop, { status: 'resolved', text: outcome, by: userId, at: new Date().toISOString() }, closeOrigin);
      hopsChanged(deps, [answered]);
      return describeHop(db, answered, standings);
    },

    /** Passed on to the tier above with a summary written for it; returns the new hop. */
    async escalateFurther(id: number, userId: number, { summary, reason }: EscalateRequest): Promise<EscalationSummary> {
      const { hop, standings } = await hopToAnswer(id, userId);
      const target = escalationTarget(standings, hop.to_body_id);
      if (!target) throw conflict(`${bodyName(standings, hop.to_body_id)} has no body above it to escalate to`);
      const answered = await recordAnswer(hop, { status: 'escalated', text: reason, by: userId, at: new Date().toISOString() });
      const next = await raiseHop(deps, {
        previousId: hop.id,
        originBodyId: hop.origin_body_id,
        originActionId: hop.origin_action_id,
        fromBodyId: hop.to_body_id,
        toBodyId: target.id,
        summary,
        reason,
        raisedBy: userId,
      });
      hopsChanged(deps, [answered]);
      return describeHop(db, next, standings);
    },
  };
}

export type EscalationAnswers = ReturnType<typeof createEscalationAnswers>;
