import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAgendaItem,
  agendaOf,
  initialiseMeetingDoc,
  MEETING_DOC_LIMITS,
  readAgenda,
  readMeetingDoc,
  resolutionWording,
} from '../../shared/meeting-doc.js';
import { measureMeeting, validateMeetingDoc, validateTyping } from '../../shared/meeting-doc-validation.js';
import { standardAgenda } from '../../shared/meetings.js';

const rules = { memberIds: new Set([1, 2, 3]) };

function templateDoc(): Y.Doc {
  const doc = new Y.Doc();
  initialiseMeetingDoc(doc, 'live', standardAgenda([{ title: 'Hate crime review', minutesAllotted: 15 }]));
  return doc;
}

describe('the meeting document', () => {
  it('starts valid, with the template agenda in order', () => {
    const doc = templateDoc();
    expect(validateMeetingDoc(doc, rules)).toEqual([]);
    expect(readAgenda(doc).map((item) => item.title)).toEqual([
      'Apologies',
      'Declarations of interest',
      'Minutes of the previous meeting',
      'Matters arising and action review',
      'Hate crime review',
      'Any other business',
      'Date of next meeting',
    ]);
    expect(readMeetingDoc(doc)).toMatchObject({ status: 'live', currentItemId: null, attendance: {}, declarations: [] });
  });

  it('orders items by their order number, so a move is one change', () => {
    const doc = templateDoc();
    const [first, second] = readAgenda(doc);
    agendaOf(doc).get(second!.id)!.set('order', first!.order - 0.5);
    expect(readAgenda(doc).slice(0, 2).map((item) => item.title)).toEqual(['Declarations of interest', 'Apologies']);
    expect(validateMeetingDoc(doc, rules)).toEqual([]);
  });

  it('names what is wrong', () => {
    const doc = templateDoc();
    const item = agendaOf(doc).get(readAgenda(doc)[0]!.id)!;
    item.set('title', 'x'.repeat(MEETING_DOC_LIMITS.titleLength + 1));
    item.set('partTwo', 'yes');
    expect(validateMeetingDoc(doc, rules).map((issue) => issue.path)).toEqual([
      `agenda.${item.get('id')}.title`,
      `agenda.${item.get('id')}.partTwo`,
    ]);
  });

  it('refuses a document over its total size even when each text is within its own limit', () => {
    const doc = templateDoc();
    const chunk = 'x'.repeat(MEETING_DOC_LIMITS.minutesTextLength);
    for (let index = 0; index * chunk.length <= MEETING_DOC_LIMITS.documentCharacters; index++) {
      const id = addAgendaItem(doc, { title: `Item ${index}`, minutesAllotted: 5 });
      (agendaOf(doc).get(id)!.get('minutes') as Y.Text).insert(0, chunk);
    }
    expect(validateMeetingDoc(doc, rules).map((issue) => issue.message)).toContain(
      `The document is over its size limit of ${MEETING_DOC_LIMITS.documentCharacters} characters`,
    );
  });

  it('checks plain typing quickly, by the texts’ lengths and the document’s size', () => {
    const doc = templateDoc();
    const text = agendaOf(doc).get(readAgenda(doc)[0]!.id)!.get('minutes') as Y.Text;
    text.insert(0, 'Apologies from the fire service.');
    expect(validateTyping(doc, [text])).toEqual([]);
    const room = MEETING_DOC_LIMITS.minutesTextLength - text.length;
    expect(validateTyping(doc, [text], undefined, { text, characters: room })).toEqual([]);
    expect(validateTyping(doc, [text], undefined, { text, characters: room + 1 }).map((issue) => issue.message)).toEqual([
      `are longer than ${MEETING_DOC_LIMITS.minutesTextLength} characters`,
    ]);
    text.insert(0, 'x'.repeat(MEETING_DOC_LIMITS.minutesTextLength));
    expect(validateTyping(doc, [text]).map((issue) => issue.message)).toEqual([
      `are longer than ${MEETING_DOC_LIMITS.minutesTextLength} characters`,
    ]);
  });

  it('checks typing into a decision by the decision’s limit', () => {
    const doc = templateDoc();
    const decisions = agendaOf(doc).get(readAgenda(doc)[0]!.id)!.get('decisions') as Y.Array<Y.Map<unknown>>;
    const decision = new Y.Map<unknown>();
    const text = new Y.Text();
    decisions.push([decision]);
    decision.set('id', 'd1');
    decision.set('text', text);
    expect(validateMeetingDoc(doc, rules)).toEqual([]);
    text.insert(0, 'the police lead a dispersal order review');
    expect(validateTyping(doc, [text])).toEqual([]);
    expect(readAgenda(doc)[0]!.decisions).toEqual([{ id: 'd1', text: 'the police lead a dispersal order review' }]);
    text.insert(0, 'x'.repeat(MEETING_DOC_LIMITS.decisionLength));
    const limit = `A decision can be up to ${MEETING_DOC_LIMITS.decisionLength} characters`;
    expect(validateTyping(doc, [text]).map((issue) => issue.message)).toEqual([limit]);
    expect(validateMeetingDoc(doc, rules).map((issue) => issue.message)).toEqual([limit]);
  });

  it('still reads and accepts decisions stored as plain strings, as old meetings hold them', () => {
    const doc = templateDoc();
    const decisions = agendaOf(doc).get(readAgenda(doc)[0]!.id)!.get('decisions') as Y.Array<Y.Map<unknown>>;
    const decision = new Y.Map<unknown>();
    decisions.push([decision]);
    decision.set('id', 'old');
    decision.set('text', 'RESOLVED that the report be noted.');
    expect(validateMeetingDoc(doc, rules)).toEqual([]);
    expect(readMeetingDoc(doc).agenda[0]!.decisions).toEqual([{ id: 'old', text: 'RESOLVED that the report be noted.' }]);
  });

  it('refuses a decision with another live type beside its text', () => {
    const doc = templateDoc();
    const decisions = agendaOf(doc).get(readAgenda(doc)[0]!.id)!.get('decisions') as Y.Array<Y.Map<unknown>>;
    const decision = new Y.Map<unknown>();
    decisions.push([decision]);
    decision.set('id', 'd1');
    decision.set('text', new Y.Text('noted'));
    decision.set('hidden', new Y.Text('x'.repeat(10)));
    expect(validateMeetingDoc(doc, rules).map((issue) => issue.path)).toContain(`agenda.${readAgenda(doc)[0]!.id}.decisions.0`);
  });

  it('counts live decision text towards the document’s size', () => {
    const doc = templateDoc();
    const characters = () => readAgenda(doc).reduce((sum, item) => sum + item.title.length + item.presenter.length + item.minutes.length, 0);
    while (characters() < MEETING_DOC_LIMITS.documentCharacters - 1_000) {
      const room = MEETING_DOC_LIMITS.documentCharacters - 1_000 - characters() - 20;
      const id = addAgendaItem(doc, { title: 'Filler', minutesAllotted: 5 });
      (agendaOf(doc).get(id)!.get('minutes') as Y.Text).insert(0, 'x'.repeat(Math.max(1, Math.min(MEETING_DOC_LIMITS.minutesTextLength, room))));
    }
    expect(validateMeetingDoc(doc, rules)).toEqual([]);
    const decision = new Y.Map<unknown>();
    (agendaOf(doc).get(readAgenda(doc)[0]!.id)!.get('decisions') as Y.Array<Y.Map<unknown>>).push([decision]);
    decision.set('id', 'd1');
    decision.set('text', new Y.Text('x'.repeat(MEETING_DOC_LIMITS.decisionLength)));
    expect(validateMeetingDoc(doc, rules).map((issue) => issue.message)).toContain(
      `The document is over its size limit of ${MEETING_DOC_LIMITS.documentCharacters} characters`,
    );
  });

  it('checks typing against the size measured before it began, the typed texts counted as they are now', () => {
    const doc = templateDoc();
    const [first, second] = readAgenda(doc).map((item) => agendaOf(doc).get(item.id)!.get('minutes') as Y.Text);
    const limit = `The document is over its size limit of ${MEETING_DOC_LIMITS.documentCharacters} characters`;
    const characters = () => {
      const { fixedCharacters, texts } = measureMeeting(doc);
      return texts.reduce((sum, text) => sum + text.length, fixedCharacters);
    };
    while (characters() < MEETING_DOC_LIMITS.documentCharacters - 100) {
      const id = addAgendaItem(doc, { title: 'Filler', minutesAllotted: 5 });
      const room = MEETING_DOC_LIMITS.documentCharacters - 100 - characters(); // the new item's title counted already
      (agendaOf(doc).get(id)!.get('minutes') as Y.Text).insert(0, 'x'.repeat(Math.min(MEETING_DOC_LIMITS.minutesTextLength, room)));
    }
    expect(characters()).toBe(MEETING_DOC_LIMITS.documentCharacters - 100);
    const size = measureMeeting(doc);
    first!.insert(0, 'x'.repeat(60));
    expect(validateTyping(doc, [first!], size)).toEqual([]);
    second!.insert(0, 'x'.repeat(60)); // the limit is passed in another text than the one just typed into
    expect(validateTyping(doc, [second!], size).map((issue) => issue.message)).toEqual([limit]);
    expect(validateTyping(doc, [second!]).map((issue) => issue.message)).toEqual([limit]);
    expect(validateMeetingDoc(doc, rules).map((issue) => issue.message)).toContain(limit);
    first!.delete(0, 60);
    expect(validateTyping(doc, [first!], size)).toEqual([]);
    // Typing not yet applied counts as if it were: the server judges plain typing before applying it.
    second!.delete(0, 60);
    expect(validateTyping(doc, [first!], size, { text: first!, characters: 100 })).toEqual([]);
    expect(validateTyping(doc, [first!], size, { text: first!, characters: 101 }).map((issue) => issue.message)).toEqual([limit]);
  });

  it('words a resolution with “RESOLVED that” once, whether or not the chair typed it', () => {
    expect(resolutionWording('the police lead a dispersal order review')).toBe('that the police lead a dispersal order review');
    expect(resolutionWording('RESOLVED that the report be noted.')).toBe('that the report be noted.');
    expect(resolutionWording('That the report be noted.')).toBe('That the report be noted.');
    expect(resolutionWording('RESOLVED that ')).toBe('');
    expect(resolutionWording('')).toBe('');
  });

  it('refuses an agenda item that is not a map, and a decision with extra keys', () => {
    const doc = templateDoc();
    const decisions = agendaOf(doc).get(readAgenda(doc)[0]!.id)!.get('decisions') as Y.Array<Y.Map<unknown>>;
    agendaOf(doc).set('bogus', new Y.Array() as unknown as Y.Map<unknown>);
    const decision = new Y.Map<unknown>();
    decisions.push([decision]);
    decision.set('id', 'd1');
    decision.set('text', 'RESOLVED that…');
    decision.set('secret', true);
    const messages = validateMeetingDoc(doc, rules).map((issue) => `${issue.path}: ${issue.message}`);
    expect(messages).toContain('agenda.bogus: must be an agenda item');
    expect(messages.some((message) => message.includes('decisions.0'))).toBe(true);
  });

  it('refuses two decisions or declarations with one id, which the SQL mirror could never hold', () => {
    const doc = templateDoc();
    const [first, second] = readAgenda(doc);
    for (const itemId of [first!.id, second!.id]) {
      const decision = new Y.Map<unknown>();
      (agendaOf(doc).get(itemId)!.get('decisions') as Y.Array<Y.Map<unknown>>).push([decision]);
      decision.set('id', 'same');
      decision.set('text', new Y.Text('the report be noted.'));
    }
    const messages = validateMeetingDoc(doc, rules).map((issue) => `${issue.path}: ${issue.message}`);
    expect(messages).toEqual([`agenda.${second!.id}.decisions.0.id: is used by another decision`]);
  });
});
