// What reading typing from its bytes gains: Quorum's server reads plain
// typing straight from the update (server/realtime/keystroke.ts: the one
// struct, and the text its neighbours are in), judges it, and commits and
// sends it before applying it. This times, on a cold event loop (a keystroke
// every BENCH_GAP_MS, as the server sees them under the live-editing load),
// reading a keystroke against applying it, for a 2,000-character text typed
// into by five clients in turn: two copies of the server's document get
// every keystroke, one applies it straight away, the other reads it first,
// with Yjs's own decoder (Y.decodeUpdate, origins looked up) and as Quorum
// does, and then applies it (which goes first alternates). Each step is timed
// with performance.now(), whose own cost is printed first.
// Env: BENCH_KEYSTROKES (3000), BENCH_GAP_MS (5).
import { setTimeout as sleep } from 'node:timers/promises';
import * as Y from 'yjs';
import { typingAhead } from '../server/realtime/keystroke.js';
import { percentile } from './stats.js';

const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 3000);
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 5);
const SEEDED_CHARACTERS = 2000;
const WARM_UP = 300;

/** Keystrokes typed by five clients in turn into one text, each as the update a server would receive. */
function typing(): { server: () => Y.Doc; keystrokes: Uint8Array[] } {
  const clients = Array.from({ length: 5 }, (_, index) => {
    const doc = new Y.Doc();
    doc.clientID = 1000 + index;
    return doc;
  });
  const history: Uint8Array[] = [];
  const type = (index: number, character: string) => {
    const typist = clients[index % clients.length]!;
    const text = typist.getText('minutes');
    let update: Uint8Array | undefined;
    typist.once('update', (bytes: Uint8Array) => (update = bytes));
    text.insert((index * 13) % (text.length + 1), character);
    for (const other of clients) if (other !== typist) Y.applyUpdate(other, update!);
    return update!;
  };
  for (let index = 0; index < SEEDED_CHARACTERS; index++) history.push(type(index, 'x'));
  const keystrokes = Array.from({ length: KEYSTROKES }, (_, index) => type(SEEDED_CHARACTERS + index, 'y'));
  const server = () => {
    const doc = new Y.Doc();
    for (const update of history) Y.applyUpdate(doc, update);
    return doc;
  };
  return { server, keystrokes };
}

/** Reads a keystroke with Yjs's own decoder: its structs, and the type each is typed into (counted, so the work is used). */
function read(doc: Y.Doc, update: Uint8Array): number {
  let found = 0;
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Item && struct.origin && Y.getItem(doc.store, struct.origin).parent instanceof Y.AbstractType) found++;
  }
  return found;
}

/** How long `step` takes, in µs. */
function microseconds(step: () => void): number {
  const start = performance.now();
  step();
  return (performance.now() - start) * 1000;
}

/** How long `step` takes on a cold loop: after `GAP_MS` of idling. */
async function timed(step: () => void): Promise<number> {
  await sleep(GAP_MS);
  return microseconds(step);
}

const { server, keystrokes } = typing();
const line = (what: string, us: number[]) =>
  `  ${what.padEnd(46)} p50 ${percentile(us, 50).toFixed(1).padStart(5)} µs   p90 ${percentile(us, 90).toFixed(1).padStart(5)} µs`;

console.log(`A keystroke (${keystrokes[0]!.byteLength} bytes) into a ${SEEDED_CHARACTERS}-character text, ${KEYSTROKES} keystrokes, each step after ${GAP_MS} ms idle`);
const applyOnly = server();
const readFirst = server();
const took = { clock: [] as number[], apply: [] as number[], decode: [] as number[], read: [] as number[], applyAfterRead: [] as number[] };
for (const [index, update] of keystrokes.entries()) {
  const straight = async () => took.apply.push(await timed(() => Y.applyUpdate(applyOnly, update)));
  const afterReading = async () => {
    took.decode.push(await timed(() => read(readFirst, update)));
    took.read.push(await timed(() => typingAhead(readFirst, update)));
    took.applyAfterRead.push(microseconds(() => Y.applyUpdate(readFirst, update)));
  };
  took.clock.push(await timed(() => {}));
  for (const step of index % 2 === 0 ? [straight, afterReading] : [afterReading, straight]) await step();
}
const settled = (us: number[]) => us.slice(WARM_UP);
console.log(line('the clock alone (performance.now() twice)', settled(took.clock)));
console.log(line('applying it (Y.applyUpdate)', settled(took.apply)));
console.log(line('reading it (Y.decodeUpdate, origins found)', settled(took.decode)));
console.log(line('reading it as Quorum does (typingAhead)', settled(took.read)));
console.log(line('then applying it', settled(took.applyAfterRead)));
