/**
 * The access matrix, live documents: a meeting's document while scheduled,
 * live and closed (its minutes in draft, then circulated), and a body's action log, opened by each part on the open
 * Charnwood JAG and the confidential Youth JAG. Per cell: does the socket sync
 * or is it closed (with which code, before a byte of the document arrives),
 * and does an edit reach another peer and storage, or is it refused and seen
 * by nobody. Expectations are written out by hand from the rules.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionLogDocName, actionsOf, readActions } from '../../shared/action-log-doc.js';
import { agendaOf, readAgenda, readMeetingDoc } from '../../shared/meeting-doc.js';
import { CLOSE_CODES } from '../../shared/realtime-protocol.js';
import { createDocumentStore } from '../../server/realtime/document-store.js';
import { BODIES, CAST, MISSING_ID, PARTS, startCast, type BodyKey, type Cast, type Part } from '../support/access-cast.js';
import { connectPeer, eventually, type TestPeer } from '../support/yjs-client.js';

/** Opens and edits; opens and only reads; or is refused with that close code. */
type Outcome = 'edit' | 'read' | 'forbidden' | 'notFound';
type PerPart<T> = readonly [T, T, T, T, T, T, T, T];
const KINDS = ['scheduled meeting', 'live meeting', 'closed meeting, minutes in draft', 'closed meeting, minutes circulated', 'action log'] as const;
type Kind = (typeof KINDS)[number];

const MATRIX: Record<Kind, Record<BodyKey, PerPart<Outcome>>> = {
  //                   chair   vice    sec     member  obs     other body   former       outsider
  'scheduled meeting': {
    jag:      ['edit', 'edit', 'edit', 'read', 'read', 'forbidden', 'forbidden', 'forbidden'],
    youthJag: ['edit', 'edit', 'edit', 'read', 'read', 'notFound', 'notFound', 'notFound'],
  },
  'live meeting': {
    jag:      ['edit', 'edit', 'edit', 'edit', 'read', 'forbidden', 'forbidden', 'forbidden'],
    youthJag: ['edit', 'edit', 'edit', 'edit', 'read', 'notFound', 'notFound', 'notFound'],
  },
  // Closed, its minutes being finished: those running the body edit them, as while it was scheduled.
  'closed meeting, minutes in draft': {
    jag:      ['edit', 'edit', 'edit', 'read', 'read', 'forbidden', 'forbidden', 'forbidden'],
    youthJag: ['edit', 'edit', 'edit', 'read', 'read', 'notFound', 'notFound', 'notFound'],
  },
  // Circulated for comment: nobody edits them any more.
  'closed meeting, minutes circulated': {
    jag:      ['read', 'read', 'read', 'read', 'read', 'forbidden', 'forbidden', 'forbidden'],
    youthJag: ['read', 'read', 'read', 'read', 'read', 'notFound', 'notFound', 'notFound'],
  },
  'action log': {
    jag:      ['edit', 'edit', 'edit', 'edit', 'read', 'forbidden', 'forbidden', 'forbidden'],
    youthJag: ['edit', 'edit', 'edit', 'edit', 'read', 'notFound', 'notFound', 'notFound'],
  },
};

/** A document of each kind that does not exist: a confidential body's must answer exactly like it. */
const MISSING_DOC: Record<Kind, string> = {
  'scheduled meeting': `meeting.${MISSING_ID}`,
  'live meeting': `meeting.${MISSING_ID}`,
  'closed meeting, minutes in draft': `meeting.${MISSING_ID}`,
  'closed meeting, minutes circulated': `meeting.${MISSING_ID}`,
  'action log': actionLogDocName(MISSING_ID),
};

const isMeeting = (kind: Kind) => kind !== 'action log';
/** Everything a peer can see of the document, as text to search for an edit. */
const contents = (kind: Kind, doc: Y.Doc) => JSON.stringify(isMeeting(kind) ? readMeetingDoc(doc) : readActions(doc));
/** A peer has received nothing at all of the document. */
const isEmpty = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc)).size === 0;

/** Resolves with 'synced', or the close code if the server closes the socket first. */
async function opening(peer: TestPeer, timeoutMs = 5000): Promise<'synced' | number | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      peer.synced().then(
        () => 'synced' as const,
        () => peer.closed.then((event) => event.code),
      ),
      peer.closed.then((event) => event.code),
      new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), timeoutMs))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function closeCode(peer: TestPeer, timeoutMs = 5000): Promise<number | 'still open'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      peer.closed.then((event) => event.code),
      new Promise<'still open'>((resolve) => (timer = setTimeout(() => resolve('still open'), timeoutMs))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

describe('access matrix: live documents', () => {
  let cast: Cast;
  const docs = {} as Record<BodyKey, Record<Kind, string>>;
  /** An outstanding action in each body's log, whose description the editors type into. */
  const editable = {} as Record<BodyKey, string>;
  const peers: TestPeer[] = [];
  let serial = 0;
  const peer = (docName: string, token: string | null) => {
    const connected = connectPeer(cast.server.yjsUrl, docName, token);
    peers.push(connected);
    return connected;
  };

  /** A closed meeting whose chair has circulated its minutes. */
  const circulated = async (body: BodyKey) => {
    const { meeting, docName } = await cast.meeting(body, 'closed');
    const response = await cast.server.request(`/api/meetings/${meeting.id}/minutes/steps`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cast.token(body, 'chair')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ step: 'circulate' }),
    });
    if (response.status !== 200) throw new Error(`circulating failed: ${response.status} ${await response.text()}`);
    return docName;
  };

  beforeAll(async () => {
    cast = await startCast();
    for (const body of BODIES) {
      docs[body] = {
        'scheduled meeting': (await cast.meeting(body, 'scheduled')).docName,
        'live meeting': (await cast.meeting(body, 'live')).docName,
        'closed meeting, minutes in draft': (await cast.meeting(body, 'closed')).docName,
        'closed meeting, minutes circulated': await circulated(body),
        'action log': actionLogDocName(cast.bodyIds[body]),
      };
      editable[body] = await cast.action(body, `${body} live matrix action`, CAST[body].chair);
    }
  });
  afterEach(() => {
    for (const each of peers.splice(0)) each.destroy();
  });
  afterAll(() => cast?.close());

  function edit(kind: Kind, body: BodyKey, doc: Y.Doc, marker: string) {
    const text = isMeeting(kind)
      ? agendaOf(doc).get(readAgenda(doc)[0]!.id)!.get('minutes')
      : actionsOf(doc).get(editable[body])!.get('description');
    if (!(text instanceof Y.Text)) throw new Error(`nothing to type into in the ${kind}`);
    text.insert(0, marker);
  }

  const stored = async (kind: Kind, docName: string) => {
    await cast.server.registry.flush(docName);
    const doc = await createDocumentStore({ db: cast.server.database.db }).read(docName);
    return contents(kind, doc);
  };

  async function check(kind: Kind, body: BodyKey, part: Part, expected: Outcome) {
    const docName = docs[body][kind];
    const token = cast.token(body, part);
    const sender = peer(docName, token);
    const opened = await opening(sender);

    if (expected === 'forbidden' || expected === 'notFound') {
      expect(opened).toBe(CLOSE_CODES[expected]);
      expect(sender.provider.synced).toBe(false);
      expect(isEmpty(sender.doc), 'document bytes reached a refused peer').toBe(true);
      if (expected === 'notFound') {
        const missing = peer(MISSING_DOC[kind], token);
        expect(await opening(missing)).toBe(CLOSE_CODES.notFound);
        expect(sender.refusals, 'a confidential body’s document must answer as a missing one').toEqual(missing.refusals);
      }
      if (part === 'former') {
        const outsider = peer(docName, cast.token(body, 'outsider'));
        await opening(outsider);
        expect(sender.refusals, 'a former member is refused like an outsider').toEqual(outsider.refusals);
      }
      return;
    }

    expect(opened).toBe('synced');
    const witness = peer(docName, cast.token(body, 'chair'));
    expect(await opening(witness)).toBe('synced');
    const marker = `matrix-${body}-${part}-${++serial}`;
    edit(kind, body, sender.doc, marker);

    if (expected === 'edit') {
      await eventually(() => expect(contents(kind, witness.doc)).toContain(marker));
      expect(await stored(kind, docName)).toContain(marker);
      expect(sender.refusals).toEqual([]);
    } else {
      expect(await closeCode(sender)).toBe(CLOSE_CODES.writeRefused);
      expect(sender.refusals.map((refusal) => refusal.code)).toEqual(['write_refused']);
      expect(await stored(kind, docName)).not.toContain(marker);
      expect(contents(kind, witness.doc)).not.toContain(marker);
      const fresh = peer(docName, cast.token(body, 'chair'));
      expect(await opening(fresh)).toBe('synced');
      expect(contents(kind, fresh.doc)).not.toContain(marker);
    }
  }

  for (const kind of KINDS) {
    describe(kind, () => {
      for (const body of BODIES) {
        PARTS.forEach((part, index) => {
          const expected = MATRIX[kind][body][index]!;
          it(`${body} ${part} → ${expected}`, () => check(kind, body, part, expected));
        });
        it(`${body} signed out (no token, a bad token) → unauthenticated`, async () => {
          for (const token of [null, 'not-a-token']) {
            const sender = peer(docs[body][kind], token);
            expect(await opening(sender)).toBe(CLOSE_CODES.unauthenticated);
            expect(isEmpty(sender.doc)).toBe(true);
          }
        });
      }
    });
  }
});
