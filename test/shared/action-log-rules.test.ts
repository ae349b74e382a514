import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionsOf, addAction, addProgress, validateActionLog } from '../../shared/action-log-doc.js';
import { captureActionLog, refusedActionLogChanges, refusedDescriptionTyping } from '../../shared/action-log-rules.js';
import type { Standing } from '../../shared/permissions.js';
import { changeDoc } from '../support/doc-change.js';

const OWNER = 5;
const MEMBER = 6;
const CHAIR = 7;
const OUTSIDER = 99;
const NOW = new Date('2026-11-30T10:00:00Z');
const ROUTED_PRIORITY = 3;
const schema = { memberIds: new Set([OWNER, MEMBER, CHAIR]), agencyIds: new Set([1, 2]), priorityIds: new Set([ROUTED_PRIORITY]) };

function log(): Y.Doc {
  const doc = new Y.Doc();
  addAction(doc, { title: 'Review CCTV at the Rushes', ownerId: OWNER, dueDate: '2027-01-15', sourceMeetingId: 11 }, 'cctv', new Date('2026-11-01T09:00:00Z'));
  addProgress(doc, 'cctv', { authorId: OWNER, at: '2026-11-10T09:00:00.000Z', text: 'Camera 4 repaired' }, 'p1');
  const action = actionsOf(doc).get('cctv')!;
  action.set('reference', 'JAG-0001');
  return doc;
}
const action = (doc: Y.Doc) => actionsOf(doc).get('cctv')!;
const progressOf = (doc: Y.Doc) => action(doc).get('progress') as Y.Array<Y.Map<unknown>>;

function newEntry(authorId: number, at = NOW.toISOString(), id = 'p2'): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  entry.set('id', id);
  entry.set('authorId', authorId);
  entry.set('at', at);
  entry.set('text', 'Spoke to the shop owners');
  return entry;
}

/** The fields refused when this person makes the change (after the schema has passed). */
function refused(role: Standing, userId: number, mutate: (doc: Y.Doc) => void, prepare?: (doc: Y.Doc) => void): string[] {
  const doc = log();
  prepare?.(doc);
  const { before, changed } = changeDoc(doc, captureActionLog, mutate);
  expect(validateActionLog(doc, schema)).toEqual([]);
  return refusedActionLogChanges(doc, before, changed, { role, userId, meetingIds: new Set([11]) }, NOW).map((issue) =>
    issue.path.split('.').slice(2).join('.'),
  );
}
const done = (doc: Y.Doc) => action(doc).set('status', 'done');

describe('who may change what in an action log', () => {
  it('refuses progress in another person’s name, or back-dated, or from the future', () => {
    expect(refused('member', OWNER, (doc) => progressOf(doc).push([newEntry(MEMBER)]))).toEqual(['progress.1.authorId']);
    expect(refused('member', OWNER, (doc) => progressOf(doc).push([newEntry(OWNER, '2026-11-09T09:00:00.000Z')]))).toEqual(['progress.1.at']);
    expect(refused('member', OWNER, (doc) => progressOf(doc).push([newEntry(OWNER, '2026-12-25T09:00:00.000Z')]))).toEqual(['progress.1.at']);
    expect(refused('member', OWNER, (doc) => progressOf(doc).push([newEntry(OWNER)]))).toEqual([]);
  });

  it('keeps progress a record: nobody rewrites, removes or reorders an update', () => {
    expect(refused('chair', CHAIR, (doc) => progressOf(doc).get(0).set('text', 'Nothing done'))).toEqual(['progress.0']);
    expect(refused('chair', CHAIR, (doc) => progressOf(doc).delete(0, 1))).toEqual(['progress']);
  });

  it('lets only the owner, or those running the body, add progress', () => {
    expect(refused('member', MEMBER, (doc) => progressOf(doc).push([newEntry(MEMBER)]))).toEqual(['progress.1']);
    expect(refused('secretariat', MEMBER, (doc) => progressOf(doc).push([newEntry(MEMBER)]))).toEqual([]);
  });

  it('refuses making yourself the owner, so you cannot then mark it done', () => {
    expect(refused('member', MEMBER, (doc) => action(doc).set('ownerId', MEMBER))).toEqual(['ownerId']);
    expect(refused('member', OWNER, (doc) => action(doc).set('ownerId', MEMBER))).toEqual([]);
    expect(refused('chair', CHAIR, (doc) => action(doc).set('ownerId', MEMBER))).toEqual([]);
    expect(refused('member', MEMBER, done)).toEqual(['status']);
    expect(refused('member', OWNER, done)).toEqual([]);
  });

  it('keeps a closed action as it was until it is reopened', () => {
    expect(refused('chair', CHAIR, (doc) => action(doc).set('title', 'Rewritten'), done)).toEqual(['']);
    expect(refused('chair', CHAIR, (doc) => action(doc).set('ownerId', MEMBER), done)).toEqual(['ownerId']);
    expect(refused('member', OWNER, (doc) => progressOf(doc).push([newEntry(OWNER)]), done)).toEqual(['progress.1']);
    expect(refused('chair', CHAIR, (doc) => action(doc).set('status', 'open'), done)).toEqual([]);
  });

  it('refuses typing into a closed action’s description', () => {
    const doc = log();
    done(doc);
    const text = action(doc).get('description') as Y.Text;
    expect(refusedDescriptionTyping([text], { role: 'chair' })).toHaveLength(1);
    action(doc).set('status', 'open');
    expect(refusedDescriptionTyping([text], { role: 'member' })).toEqual([]);
  });

  it('fixes an action’s origin and dates: nobody back-dates it or points it at another meeting', () => {
    expect(refused('chair', CHAIR, (doc) => action(doc).set('createdAt', '2020-01-01T00:00:00.000Z'))).toEqual(['createdAt']);
    expect(refused('chair', CHAIR, (doc) => action(doc).set('sourceMeetingId', 12))).toEqual(['sourceMeetingId']);
  });

  it('lets a new action come only from one of the body’s own meetings', () => {
    const raise = (meetingId: number) => (doc: Y.Doc) => addAction(doc, { title: 'Patrols', ownerId: MEMBER, sourceMeetingId: meetingId }, 'new');
    expect(refused('member', MEMBER, raise(11))).toEqual([]);
    const refusals = refused('member', MEMBER, raise(4242));
    expect(refusals).toEqual(['sourceMeetingId']);
  });

  it('lets only those running the body remove an action, and refuses an owner who is not a member', () => {
    expect(refused('member', OWNER, (doc) => actionsOf(doc).delete('cctv'))).toEqual(['']);
    expect(refused('secretariat', MEMBER, (doc) => actionsOf(doc).delete('cctv'))).toEqual([]);
    const doc = log();
    action(doc).set('ownerId', OUTSIDER);
    expect(validateActionLog(doc, schema).map((issue) => issue.message)).toEqual(['The owner must be a member of this body']);
  });

  it('links an action only to a priority routed to the body, by anyone taking part, while it is outstanding', () => {
    expect(refused('member', MEMBER, (doc) => action(doc).set('priorityId', ROUTED_PRIORITY))).toEqual([]);
    expect(refused('member', MEMBER, (doc) => action(doc).set('priorityId', null), (doc) => action(doc).set('priorityId', ROUTED_PRIORITY))).toEqual([]);
    expect(refused('chair', CHAIR, (doc) => action(doc).set('priorityId', ROUTED_PRIORITY), done)).toEqual(['priorityId']);
    const doc = log();
    action(doc).set('priorityId', 4242);
    expect(validateActionLog(doc, schema)).toEqual([{ path: 'actions.cctv.priorityId', message: 'is not a priority routed to this body' }]);
  });

  it('reads an action raised before priorities existed as unlinked', () => {
    const doc = log();
    action(doc).delete('priorityId');
    expect(validateActionLog(doc, schema)).toEqual([]);
    const { before, changed } = changeDoc(doc, captureActionLog, (changing) => action(changing).set('priorityId', null));
    expect(refusedActionLogChanges(doc, before, changed, { role: 'chair', userId: CHAIR, meetingIds: new Set([11]) }, NOW)).toEqual([]);
  });
});
