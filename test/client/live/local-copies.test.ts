import { expect } from '@open-wc/testing';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { listLocalCopies, localCopyName, rememberLocalCopy, wipeLocalMeetingCopies } from '../../../client/live/local-copies.js';
import { describe, it } from '../mocha.js';

describe('local meeting copies', () => {
  it('keeps each user’s copy apart', () => {
    expect(localCopyName(7, 'meeting.42')).to.not.equal(localCopyName(8, 'meeting.42'));
  });

  it('keeps offline edits across a reload, and wipes every copy on sign-out', async () => {
    const name = localCopyName(7, 'meeting.42');
    rememberLocalCopy(name);
    const doc = new Y.Doc();
    const persistence = new IndexeddbPersistence(name, doc);
    await persistence.whenSynced;
    doc.getText('t').insert(0, 'written offline');
    await persistence.destroy();

    const reloaded = new Y.Doc();
    const again = new IndexeddbPersistence(name, reloaded);
    await again.whenSynced;
    expect(reloaded.getText('t').toString()).to.equal('written offline');
    await again.destroy();

    expect(await listLocalCopies()).to.include(name);
    await wipeLocalMeetingCopies();
    expect(await listLocalCopies()).to.not.include(name);
    const fresh = new Y.Doc();
    const afterWipe = new IndexeddbPersistence(name, fresh);
    await afterWipe.whenSynced;
    expect(fresh.getText('t').toString()).to.equal('');
    await afterWipe.clearData();
  });
});
