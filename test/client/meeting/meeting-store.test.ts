import { expect } from '@open-wc/testing';
import * as Y from 'yjs';
import { MeetingStore, meetingStoreFor } from '../../../client/meeting/meeting-store.js';
import { InvalidEdit } from '../../../client/meeting/meeting-edits.js';
import { RaisedActionLines, type ActionLookup } from '../../../client/meeting/raised-action-line.js';
import { ActionLogStore } from '../../../client/actions/action-log-store.js';
import { addAction, actionsOf } from '../../../shared/action-log-doc.js';
import { itemIds, meetingDoc, remoteEdit } from '../meeting-fixtures.js';
import { describe, it } from '../mocha.js';

describe('MeetingStore', () => {
  it('gives the same snapshot until a transaction changes the document', () => {
    const store = new MeetingStore(meetingDoc());
    const first = store.snapshot;
    expect(store.snapshot).to.equal(first);
    expect(store.agenda).to.equal(first.agenda);
    store.renameItem(itemIds(store.doc)[0]!, 'Apologies for absence');
    expect(store.snapshot).not.to.equal(first);
    expect(store.agenda[0]!.title).to.equal('Apologies for absence');
    expect(store.item(itemIds(store.doc)[0]!)!.title).to.equal('Apologies for absence');
  });

  it('tells subscribers once per transaction, local or remote, until they unsubscribe', () => {
    const store = new MeetingStore(meetingDoc());
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.addItem({ title: 'Knife crime', minutesAllotted: 10, partTwo: true });
    expect(calls).to.equal(1);
    remoteEdit(store.doc, (remote) => remote.getMap('attendance').set('7', 'present'));
    expect(calls).to.equal(2);
    expect(store.snapshot.attendance).to.deep.equal({ 7: 'present' });
    unsubscribe();
    store.setAttendance(8, 'apologies');
    expect(calls).to.equal(2);
  });

  it('offers the edits, with their rules', () => {
    const store = new MeetingStore(meetingDoc());
    const [apologies, , asb] = itemIds(store.doc);
    const decision = store.addDecision(asb!);
    expect(store.decisionText(asb!, decision)).to.be.instanceOf(Y.Text);
    store.setDecisionText(asb!, decision, 'the report be noted.');
    expect(store.item(asb!)!.decisions).to.deep.equal([{ id: decision, text: 'the report be noted.' }]);
    expect(() => store.renameItem(apologies!, '   ')).to.throw(InvalidEdit, 'Enter a title for the item');
    store.makeCurrent(asb!);
    store.startTimer(new Date('2026-12-10T10:05:00Z'));
    expect([store.snapshot.currentItemId, store.snapshot.timerStartedAt]).to.deep.equal([asb, '2026-12-10T10:05:00.000Z']);
    store.removeItem(asb!, { runsMeeting: true });
    expect(store.snapshot.currentItemId).to.equal(null);
  });

  it('puts new items before the closing items, or after a chosen one', () => {
    const store = new MeetingStore(meetingDoc());
    store.addItem({ title: 'Knife crime', minutesAllotted: 10, partTwo: false });
    store.addItem({ title: 'Late apologies', minutesAllotted: 5, partTwo: false }, itemIds(store.doc)[0]!);
    expect(store.agenda.map((item) => item.title)).to.deep.equal([
      'Apologies',
      'Late apologies',
      'Declarations of interest',
      'High-risk ASB victims',
      'Knife crime',
      'Any other business',
    ]);
  });

  it('is one store per document, and hears nothing once destroyed', () => {
    const doc = meetingDoc();
    expect(meetingStoreFor(doc)).to.equal(meetingStoreFor(doc));
    const store = new MeetingStore(doc);
    let calls = 0;
    store.subscribe(() => calls++);
    store.destroy();
    store.setAttendance(7, 'present');
    expect(calls).to.equal(0);
  });
});

describe('RaisedActionLines', () => {
  it('replaces the selected words with the action’s line, and fills in the reference when the server gives it', () => {
    const store = new MeetingStore(meetingDoc());
    const itemId = itemIds(store.doc)[2]!;
    store.minutesText(itemId)!.insert(0, 'Hate crime reports are down.\nLeaflet drop on hate crime reporting\nNext item.');
    const start = 'Hate crime reports are down.\n'.length;
    const end = start + 'Leaflet drop on hate crime reporting'.length;

    const log = new Y.Doc();
    const actionId = addAction(log, { title: 'Leaflet drop on hate crime reporting', ownerId: 10, leadAgencyId: null, dueDate: '2027-01-15', theme: '', sourceMeetingId: 42, sourceItemId: itemId });
    const lines = new RaisedActionLines();
    lines.record(store, ActionLogStore.of(log), { itemId, selectionStart: start, selectionEnd: end }, {
      actionId,
      title: 'Leaflet drop on hate crime reporting',
      ownerName: 'Daniel Okafor',
    });
    expect(store.item(itemId)!.minutes).to.equal(
      'Hate crime reports are down.\nACTION (reference to follow) (Daniel Okafor, by 15/01/2027): Leaflet drop on hate crime reporting\nNext item.',
    );
    // The server numbers it.
    actionsOf(log).get(actionId)!.set('reference', 'JAG-0042');
    expect(store.item(itemId)!.minutes).to.equal(
      'Hate crime reports are down.\nACTION JAG-0042 (Daniel Okafor, by 15/01/2027): Leaflet drop on hate crime reporting\nNext item.',
    );
    lines.dispose();
  });

  it('writes the line at the caret, on its own line, when nothing was selected; and stops waiting when disposed', () => {
    const store = new MeetingStore(meetingDoc());
    const itemId = itemIds(store.doc)[2]!;
    store.minutesText(itemId)!.insert(0, 'Discussed the hotspots.');
    let listener: (() => void) | null = null;
    let reference: string | null = null;
    const lookup: ActionLookup = {
      action: () => ({ reference, dueDate: null }),
      subscribe: (each) => {
        listener = each;
        return () => (listener = null);
      },
    };
    const lines = new RaisedActionLines();
    const end = 'Discussed the hotspots.'.length;
    lines.record(store, lookup, { itemId, selectionStart: end, selectionEnd: end }, { actionId: 'a1', title: 'Patrol plan', ownerName: '' });
    expect(store.item(itemId)!.minutes).to.equal('Discussed the hotspots.\nACTION (reference to follow) (no owner yet, no due date): Patrol plan\n');
    lines.dispose();
    expect(listener).to.equal(null);
    reference = 'JAG-0001';
    expect(store.item(itemId)!.minutes).to.contain('(reference to follow)');
  });
});
