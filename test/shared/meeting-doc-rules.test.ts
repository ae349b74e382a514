import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { captureMeeting, refusedMeetingChanges, refusedTyping } from '../../shared/meeting-doc-rules.js';
import { validateMeetingDoc, validateTyping } from '../../shared/meeting-doc-validation.js';
import { agendaOf, attendanceOf, declarationsOf, initialiseMeetingDoc, metaOf, readAgenda } from '../../shared/meeting-doc.js';
import type { MeetingStatus } from '../../shared/meetings.js';
import type { MinutesStage } from '../../shared/minutes-lifecycle.js';
import type { Standing } from '../../shared/permissions.js';
import { changeDoc } from '../support/doc-change.js';

const ME = 2;
const SOMEONE_ELSE = 3;

/** A meeting in `status`; a closed one has its minutes at `stage` (circulated, so locked, unless a test says otherwise). */
function meeting(status: MeetingStatus = 'live', stage: MinutesStage = 'circulated'): Y.Doc {
  const doc = new Y.Doc();
  initialiseMeetingDoc(doc, status, [
    { title: 'Apologies', minutesAllotted: 5 },
    { title: 'Hate crime review', minutesAllotted: 15 },
  ]);
  if (status === 'closed') metaOf(doc).set('minutesStage', stage);
  attendanceOf(doc).set(String(SOMEONE_ELSE), 'present');
  const oldDecision = new Y.Map<unknown>();
  (agendaOf(doc).get(readAgenda(doc)[0]!.id)!.get('decisions') as Y.Array<Y.Map<unknown>>).push([oldDecision]);
  oldDecision.set('id', 'old');
  oldDecision.set('text', 'RESOLVED that the apologies be noted.');
  const liveDecision = new Y.Map<unknown>();
  (agendaOf(doc).get(readAgenda(doc)[1]!.id)!.get('decisions') as Y.Array<Y.Map<unknown>>).push([liveDecision]);
  liveDecision.set('id', 'live');
  liveDecision.set('text', new Y.Text('the report be noted.'));
  const declaration = new Y.Map<unknown>();
  declarationsOf(doc).push([declaration]);
  declaration.set('id', 'theirs');
  declaration.set('userId', SOMEONE_ELSE);
  declaration.set('itemId', null);
  declaration.set('interest', 'Trustee of the tenants’ association');
  return doc;
}

const item = (doc: Y.Doc, index = 1) => agendaOf(doc).get(readAgenda(doc)[index]!.id)!;

/** The paths refused when `role` (user ME) makes the change. */
function refused(role: Standing, mutate: (doc: Y.Doc) => void, status: MeetingStatus = 'live', stage?: MinutesStage): string[] {
  const doc = meeting(status, stage);
  const { before, changed } = changeDoc(doc, captureMeeting, mutate);
  expect(validateMeetingDoc(doc, { memberIds: new Set([1, ME, SOMEONE_ELSE]) })).toEqual([]);
  return refusedMeetingChanges(doc, before, changed, { role, userId: ME }).map((issue) => issue.path.split('.')[0]!);
}

describe('who may change which part of a live meeting', () => {
  const edits: [string, (doc: Y.Doc) => void, { member: string[]; secretariat: string[] }][] = [
    ['rename an item', (doc) => item(doc).set('title', 'Renamed'), { member: ['agenda'], secretariat: [] }],
    ['move an item', (doc) => item(doc).set('order', -1), { member: ['agenda'], secretariat: [] }],
    ['unmark Part II', (doc) => item(doc).set('partTwo', true), { member: ['agenda'], secretariat: [] }],
    ['remove an item', (doc) => agendaOf(doc).delete(readAgenda(doc)[0]!.id), { member: ['agenda'], secretariat: [] }],
    ['type the minutes', (doc) => (item(doc).get('minutes') as Y.Text).insert(0, 'Noted.'), { member: [], secretariat: [] }],
    [
      'record a decision',
      (doc) => {
        const decision = new Y.Map<unknown>();
        (item(doc).get('decisions') as Y.Array<Y.Map<unknown>>).push([decision]);
        decision.set('id', 'd1');
        decision.set('text', new Y.Text('the report be noted.'));
      },
      { member: ['agenda'], secretariat: [] },
    ],
    [
      'reword a decision recorded before decisions were live text',
      (doc) => {
        const decision = (item(doc, 0).get('decisions') as Y.Array<Y.Map<unknown>>).get(0);
        decision.set('text', new Y.Text('the apologies be noted.'));
      },
      { member: ['agenda'], secretariat: [] },
    ],
    ['record my own attendance', (doc) => attendanceOf(doc).set(String(ME), 'present'), { member: [], secretariat: [] }],
    ['record someone else’s attendance', (doc) => attendanceOf(doc).set(String(SOMEONE_ELSE), 'absent'), { member: ['attendance'], secretariat: [] }],
    [
      'declare an interest in someone else’s name',
      (doc) => {
        const declaration = new Y.Map<unknown>();
        declarationsOf(doc).push([declaration]);
        declaration.set('id', 'forged');
        declaration.set('userId', SOMEONE_ELSE);
        declaration.set('itemId', null);
        declaration.set('interest', 'Owns a bar on the Market Place');
      },
      { member: ['declarations'], secretariat: [] },
    ],
    ['remove someone else’s declaration', (doc) => declarationsOf(doc).delete(0, 1), { member: ['declarations'], secretariat: [] }],
    ['set the current item', (doc) => metaOf(doc).set('currentItemId', readAgenda(doc)[0]!.id), { member: ['meta'], secretariat: [] }],
    ['close the meeting by editing it', (doc) => metaOf(doc).set('status', 'closed'), { member: ['meta'], secretariat: ['meta'] }],
  ];
  it.each(edits)('%s', (_, mutate, expected) => {
    expect(refused('member', mutate)).toEqual(expected.member);
    expect(refused('secretariat', mutate)).toEqual(expected.secretariat);
  });

  it('lets a member declare their own interest and withdraw it', () => {
    const declare = (doc: Y.Doc) => {
      const declaration = new Y.Map<unknown>();
      declarationsOf(doc).push([declaration]);
      declaration.set('id', 'mine');
      declaration.set('userId', ME);
      declaration.set('itemId', null);
      declaration.set('interest', 'Council tenant');
    };
    expect(refused('member', declare)).toEqual([]);
  });

  it('lets those running the body finish a closed meeting’s draft minutes, and nobody else', () => {
    const minutes = (doc: Y.Doc) => (item(doc).get('minutes') as Y.Text).insert(0, 'Noted. ');
    const rename = (doc: Y.Doc) => item(doc).set('title', 'Hate crime: quarterly review');
    expect(refused('secretariat', minutes, 'closed', 'draft')).toEqual([]);
    expect(refused('chair', rename, 'closed', 'draft')).toEqual([]);
    expect(refused('chair', rename, 'closed', 'correcting')).toEqual([]);
    expect(refused('member', rename, 'closed', 'draft')).toEqual(['agenda']);
    expect(refused('chair', rename, 'closed', 'approved')).toEqual(['agenda']);
    expect(refused('chair', rename, 'closed', 'published')).toEqual(['agenda']);
  });

  it('lets nobody move the minutes on by editing the document', () => {
    const publish = (doc: Y.Doc) => metaOf(doc).set('minutesStage', 'published');
    expect(refused('chair', publish, 'closed', 'draft')).toEqual(['meta']);
    expect(refused('secretariat', publish, 'closed', 'approved')).toEqual(['meta']);
  });

  it('keeps the exemption paragraph of a Part II item to those running the body', () => {
    const exempt = (doc: Y.Doc) => {
      item(doc).set('partTwo', true);
      item(doc).set('exemptionParagraph', 2);
    };
    expect(refused('chair', exempt)).toEqual([]);
    expect(refused('member', exempt)).toEqual(['agenda']);
    expect(refused('chair', exempt, 'closed', 'circulated')).toEqual(['agenda']);
  });

  it('lets nobody change the agenda once the minutes are circulated, and only those running the body before it starts', () => {
    const rename = (doc: Y.Doc) => item(doc).set('title', 'Renamed');
    expect(refused('chair', rename, 'closed')).toEqual(['agenda']);
    expect(refused('chair', rename, 'scheduled')).toEqual([]);
    expect(refused('member', rename, 'scheduled')).toEqual(['agenda']);
  });

  describe('typing, checked on the quick path', () => {
    const decisionText = (doc: Y.Doc) => (item(doc).get('decisions') as Y.Array<Y.Map<unknown>>).get(0).get('text') as Y.Text;
    function typingRefused(role: Standing, text: (doc: Y.Doc) => Y.Text, status: MeetingStatus = 'live', stage?: MinutesStage): string[] {
      const doc = meeting(status, stage);
      const { before, changed } = changeDoc(doc, captureMeeting, (changing) => text(changing).insert(0, 'and '));
      const texts = [...changed] as Y.Text[];
      expect(texts.every((type) => type instanceof Y.Text)).toBe(true);
      expect(validateTyping(doc, texts)).toEqual([]);
      return refusedTyping(doc, before, texts, { role, userId: ME }).map((issue) => issue.message);
    }

    it('needs the right to record decisions to type in a decision, as in the full check', () => {
      expect(typingRefused('member', decisionText)).toEqual(['Only the chair, vice-chair or secretariat records decisions']);
      expect(typingRefused('chair', decisionText)).toEqual([]);
      expect(typingRefused('secretariat', decisionText)).toEqual([]);
      const doc = meeting();
      const { before, changed } = changeDoc(doc, captureMeeting, (changing) => decisionText(changing).insert(0, 'and '));
      expect(refusedMeetingChanges(doc, before, changed, { role: 'member', userId: ME }).map((issue) => issue.path)).toEqual([
        `agenda.${readAgenda(doc)[1]!.id}.decisions`,
      ]);
    });

    it('lets every editor type the minutes, those running the body while they are drafted, and nobody once circulated', () => {
      const minutes = (doc: Y.Doc) => item(doc).get('minutes') as Y.Text;
      expect(typingRefused('member', minutes)).toEqual([]);
      expect(typingRefused('secretariat', minutes, 'closed', 'draft')).toEqual([]);
      expect(typingRefused('member', minutes, 'closed', 'draft')).toEqual(['You cannot change the minutes of this meeting']);
      expect(typingRefused('chair', decisionText, 'closed')).toEqual(['Only the chair, vice-chair or secretariat records decisions']);
      expect(typingRefused('member', minutes, 'closed')).toEqual(['You cannot change the minutes of this meeting']);
    });
  });
});
