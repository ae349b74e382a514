import { expect } from '@open-wc/testing';
import * as Y from 'yjs';
import { ActionLogStore } from '../../../client/actions/action-log-store.js';
import { InvalidEdit } from '../../../client/actions/action-edits.js';
import { actionsOf } from '../../../shared/action-log-doc.js';
import { TODAY, actionIdOf, actionLogDoc, allAgencies, jagMembers } from '../action-fixtures.js';
import { describe, it } from '../mocha.js';

describe('ActionLogStore', () => {
  it('gives the same snapshot until a transaction changes the log', () => {
    const doc = actionLogDoc();
    const store = new ActionLogStore(doc, { role: 'chair', userId: 7 });
    const first = store.snapshot();
    expect(first.actions.map((action) => action.reference)).to.have.members(['JAG-0001', 'JAG-0002', 'JAG-0003']);
    expect(store.snapshot()).to.equal(first);
    const rows = store.rows(jagMembers, allAgencies, TODAY);
    expect(store.rows(jagMembers, allAgencies, TODAY)).to.equal(rows);
    doc.transact(() => {}); // changes nothing
    expect(store.snapshot()).to.equal(first);
    actionsOf(doc).get(actionIdOf(doc, 'JAG-0002'))!.set('theme', 'CCTV');
    const second = store.snapshot();
    expect(second).not.to.equal(first);
    expect(second.byId.get(actionIdOf(doc, 'JAG-0002'))!.theme).to.equal('CCTV');
    expect(store.rows(jagMembers, allAgencies, TODAY)).not.to.equal(rows);
  });

  it('tells subscribers once per transaction, and no more after they unsubscribe', () => {
    const doc = actionLogDoc();
    const store = new ActionLogStore(doc, { role: 'chair', userId: 7 });
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    const id = actionIdOf(doc, 'JAG-0001');
    doc.transact(() => {
      store.setField(id, 'title', 'Map repeat ASB hotspots');
      store.setField(id, 'theme', 'Hotspots');
    });
    expect(calls).to.equal(1);
    store.setStatus(id, 'in-progress');
    expect(calls).to.equal(2);
    unsubscribe();
    store.setStatus(id, 'open');
    expect(calls).to.equal(2);
  });

  it('checks each edit against the rulebook before writing it', () => {
    const doc = actionLogDoc();
    // PC Dan Moore (10) owns JAG-0001; Sam Patel (11) owns JAG-0002.
    const owner = new ActionLogStore(doc, { role: 'member', userId: 10 });
    const mine = actionIdOf(doc, 'JAG-0001');
    const theirs = actionIdOf(doc, 'JAG-0002');
    expect(owner.statusChoices(owner.action(mine)!)).to.deep.equal(['open', 'in-progress', 'done']);
    expect(owner.statusChoices(owner.action(theirs)!)).to.deep.equal(['open', 'in-progress']);
    expect(() => owner.setStatus(theirs, 'done')).to.throw(InvalidEdit, 'You may not move this action from Open to Done');
    owner.setStatus(mine, 'done');
    expect(actionsOf(doc).get(mine)!.get('status')).to.equal('done');
    expect(() => owner.setRagOverride(theirs, 'red', 'Slipping')).to.throw(InvalidEdit);
    expect(() => owner.addProgress(theirs, 'Done my bit')).to.throw(InvalidEdit);
    expect(owner.mayOverrideRag()).to.equal(false);

    const observer = new ActionLogStore(doc, { role: 'observer', userId: 12 });
    expect(observer.mayEditField(observer.action(theirs)!, 'title')).to.equal(false);
    expect(observer.mayChangeStatus(observer.action(theirs)!)).to.equal(false);
    const outsider = new ActionLogStore(doc, { role: null, userId: 99 });
    expect(() => outsider.setField(theirs, 'title', 'Mine now')).to.throw(InvalidEdit, 'Only members');
    expect(actionsOf(doc).get(theirs)!.get('title')).to.equal('Review CCTV coverage');
  });

  it('raises actions, overrides RAG and adds progress in the user’s name', () => {
    const doc = new Y.Doc();
    const chair = new ActionLogStore(doc, { role: 'chair', userId: 7 });
    const id = chair.raiseAction({ title: '  Visit the skate park  ', ownerId: 10, leadAgencyId: 1, dueDate: '2026-12-01', theme: 'ASB' });
    expect(chair.action(id)).to.include({ title: 'Visit the skate park', status: 'open' });
    chair.setRagOverride(id, 'red', 'No funding yet');
    expect(chair.action(id)).to.include({ ragOverride: 'red', ragOverrideReason: 'No funding yet' });
    chair.addProgress(id, ' Booked for Tuesday ', new Date('2026-11-22T10:00:00Z'));
    expect(chair.action(id)!.progress).to.have.length(1);
    expect(chair.action(id)!.progress[0]).to.include({ authorId: 7, text: 'Booked for Tuesday', at: '2026-11-22T10:00:00.000Z' });
    expect(() => chair.addProgress(id, '   ')).to.throw(InvalidEdit, 'Write the progress update');
    expect(chair.descriptionText(id)).to.be.instanceOf(Y.Text);
    expect(chair.descriptionText('gone')).to.equal(null);
  });

  it('links an action to a priority routed to the body, and only as the rulebook lets it', () => {
    const doc = actionLogDoc();
    const routed = new Set([41, 42]);
    const member = new ActionLogStore(doc, { role: 'member', userId: 11 });
    const open = actionIdOf(doc, 'JAG-0002');
    expect(member.mayLinkToPriority(member.action(open)!)).to.equal(true);
    member.setPriority(open, 41, routed);
    expect(actionsOf(doc).get(open)!.get('priorityId')).to.equal(41);
    expect(member.action(open)!.priorityId).to.equal(41);
    expect(() => member.setPriority(open, 77, routed)).to.throw(InvalidEdit, 'Choose a priority routed to this body');
    member.setPriority(open, null, routed);
    expect(member.action(open)!.priorityId).to.equal(null);

    const done = actionIdOf(doc, 'JAG-0003');
    expect(member.mayLinkToPriority(member.action(done)!)).to.equal(false);
    expect(() => member.setPriority(done, 41, routed)).to.throw(InvalidEdit, 'Reopen this action before changing it');
    const observer = new ActionLogStore(doc, { role: 'observer', userId: 12 });
    expect(observer.mayLinkToPriority(observer.action(open)!)).to.equal(false);
    expect(() => observer.setPriority(open, 41, routed)).to.throw(InvalidEdit);
    expect(() => new ActionLogStore(doc, { role: null, userId: 99 }).setPriority(open, 41, routed)).to.throw(InvalidEdit, 'Only members');
    expect(actionsOf(doc).get(open)!.get('priorityId')).to.equal(null);
  });

  it('raises an action serving a priority, refusing one not routed to the body', () => {
    const doc = new Y.Doc();
    const chair = new ActionLogStore(doc, { role: 'chair', userId: 7 });
    const choices = { memberIds: new Set([10]), agencyIds: new Set([1]), priorityIds: new Set([41]) };
    const id = chair.raiseAction({ title: 'Patrol the park', ownerId: 10, leadAgencyId: null, dueDate: null, theme: '', priorityId: 41 }, choices);
    expect(chair.action(id)!.priorityId).to.equal(41);
    expect(() => chair.raiseAction({ title: 'Elsewhere', ownerId: null, leadAgencyId: null, dueDate: null, theme: '', priorityId: 50 }, choices)).to.throw(
      InvalidEdit,
      'Choose a priority routed to this body',
    );
  });

  it('is one store per document, taking the latest user', () => {
    const doc = actionLogDoc();
    const store = ActionLogStore.of(doc, { role: 'member', userId: 10 });
    let calls = 0;
    store.subscribe(() => calls++);
    expect(ActionLogStore.of(doc)).to.equal(store);
    expect(ActionLogStore.of(doc, { role: 'chair', userId: 7 })).to.equal(store);
    expect(store.editor).to.deep.equal({ role: 'chair', userId: 7 });
    expect(calls).to.equal(1);
  });
});
