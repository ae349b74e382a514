// The load itself: every editor types on a fixed schedule, every peer times what arrives.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { initialiseMeetingDoc } from '../../shared/meeting-doc.js';
import { standardAgenda } from '../../shared/meetings.js';
import { percentile } from '../stats.js';
import { RATE, SECONDS, STRAGGLER_MS, WARMUP, type Scale } from './config.js';
import { canPin, coreBusySeconds, cpuSecondsOf, rssMbOf, waitForQuiet } from './cores.js';
import { minutesOf, withTimeout, type Peer } from './peers.js';
import type { ServerProcess } from './servers.js';
import { SPLIT, type KeystrokeTimes, type LatencySplit } from './split.js';

export interface Seat {
  meeting: number;
  room: string;
  token: string | null;
}

export interface LoadResult {
  name: string;
  p50: number;
  p99: number;
  p999: number;
  max: number;
  delivered: number;
  expected: number;
  keystrokes: number;
  cpuPercent: number;
  /** The part of cpuPercent spent in the kernel (sockets, file writes). */
  systemCpuPercent: number;
  peakRssMb: number;
  connectMs: number;
  drops: number;
  generatorCpuPercent: number;
  /** CPU used on the server's and the generator's cores by other processes on the machine, % of a core. */
  foreignCore0Percent: number;
  foreignCore1Percent: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  idleRssMb: number;
  scheduleLagP99Ms: number;
  /** With BENCH_SPLIT: each measured keystroke's wall-clock send and first arrival, to split once the server has written its side. */
  keystrokeTimes?: KeystrokeTimes[];
  split?: LatencySplit;
}

interface Keystroke {
  at: number;
  measured: boolean;
  /** With BENCH_SPLIT: when the first receiving peer was handed it (wall clock). */
  firstArrivalAt?: number;
}

/** How many editors each meeting gets: as even as possible. */
export function editorsPerMeeting({ editors, meetings }: Scale): number[] {
  return Array.from({ length: meetings }, (_, m) => Math.floor(editors / meetings) + (m < editors % meetings ? 1 : 0));
}

/** Seats for servers without sign-in: one room per meeting, named `${prefix}-${meeting}`. */
export function anonymousSeats(scale: Scale, prefix: string): Seat[] {
  return editorsPerMeeting(scale).flatMap((count, meeting) => Array.from({ length: count }, () => ({ meeting, room: `${prefix}-${meeting}`, token: null })));
}

/** The agenda the reference servers' rooms start with: what Quorum would give a meeting. */
export const referenceAgenda = standardAgenda([
  { title: 'Police performance and crime trends', minutesAllotted: 15 },
  { title: 'High-risk ASB victims (Sentinel)', minutesAllotted: 15 },
  { title: 'Hate crime review', minutesAllotted: 15 },
]);

/** The reference servers start empty: the first peer of each room writes the same agenda Quorum would. */
export const initialiseReferenceRoom = (doc: Y.Doc) => initialiseMeetingDoc(doc, 'live', referenceAgenda);

export async function runLoad(
  name: string,
  server: ServerProcess,
  seats: Seat[],
  connect: (seat: Seat) => Peer,
  /** For servers whose documents start empty: writes the meeting's initial content into the first peer's doc. */
  initialise?: (doc: Y.Doc) => void,
): Promise<LoadResult> {
  console.log(`${name}: ${await waitForQuiet()}`);
  const connectStarted = performance.now();
  const peers: Peer[] = new Array(seats.length);
  const byMeeting = new Map<number, number[]>();
  seats.forEach((seat, index) => byMeeting.set(seat.meeting, [...(byMeeting.get(seat.meeting) ?? []), index]));
  try {
    await Promise.all(
      [...byMeeting.values()].map(async ([first, ...rest]) => {
        peers[first!] = connect(seats[first!]!);
        await withTimeout(peers[first!]!.synced, 30_000, `${name}: syncing ${seats[first!]!.room}`);
        if (initialise) initialise(peers[first!]!.doc);
        for (const index of rest) peers[index] = connect(seats[index]!);
        await withTimeout(Promise.all(rest.map((index) => peers[index]!.synced)), 30_000, `${name}: syncing ${seats[first!]!.room}`);
      }),
    );
    // Every peer must see the agenda (reference servers: the first peer's initial content) before typing.
    const deadline = performance.now() + 10_000;
    while (peers.some((peer) => !minutesOf(peer.doc))) {
      if (performance.now() > deadline) throw new Error(`${name}: not every peer received the agenda`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const connectMs = performance.now() - connectStarted;

    // Arrival detection: a keystroke is one character, so one clock of its sender's client id.
    const sent = new Map<number, Map<number, Keystroke>>();
    const latencies: number[] = [];
    let delivered = 0;
    let expected = 0;
    let keystrokes = 0;
    const texts = peers.map((peer) => minutesOf(peer.doc)!);
    const peersIn = (meeting: number) => byMeeting.get(meeting)!.length;
    for (const peer of peers) {
      sent.set(peer.doc.clientID, new Map());
      peer.doc.on('afterTransaction', (transaction: Y.Transaction) => {
        if (transaction.local) return;
        const now = performance.now();
        transaction.afterState.forEach((after, client) => {
          const before = transaction.beforeState.get(client) ?? 0;
          const byClock = after > before ? sent.get(client) : undefined;
          if (!byClock) return;
          for (let clock = before; clock < after; clock++) {
            const keystroke = byClock.get(clock);
            if (keystroke?.measured) {
              if (SPLIT) keystroke.firstArrivalAt = Math.min(keystroke.firstArrivalAt ?? Infinity, peer.lastMessageAt());
              latencies.push(now - keystroke.at);
              delivered++;
            }
          }
        });
      });
    }

    const period = 1000 / RATE;
    const t0 = performance.now() + 500;
    const measureFrom = t0 + WARMUP * 1000;
    const measureTo = measureFrom + SECONDS * 1000;
    const scheduleLag: number[] = [];
    const letters = 'abcdefghijklmnopqrstuvwxyz ';

    const idleRssMb = rssMbOf(server.pid);
    let peakRssMb = idleRssMb;
    const rssSampler = setInterval(() => {
      peakRssMb = Math.max(peakRssMb, rssMbOf(server.pid));
    }, 100);
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    let cpuAtStart = { user: 0, system: 0 };
    let cpuAtEnd = { user: 0, system: 0 };
    let windowStart = 0;
    let windowEnd = 0;
    let generatorAtStart = process.cpuUsage();
    let generatorCpu = { user: 0, system: 0 };
    let coresAtStart: number[] = [];
    let coresAtEnd: number[] = [];
    setTimeout(() => {
      cpuAtStart = cpuSecondsOf(server.pid);
      coresAtStart = coreBusySeconds();
      windowStart = performance.now();
      generatorAtStart = process.cpuUsage();
      loopDelay.enable();
    }, measureFrom - performance.now());
    const windowClosed = new Promise<void>((resolveWindow) =>
      setTimeout(() => {
        cpuAtEnd = cpuSecondsOf(server.pid);
        coresAtEnd = coreBusySeconds();
        windowEnd = performance.now();
        generatorCpu = process.cpuUsage(generatorAtStart);
        loopDelay.disable();
        resolveWindow();
      }, measureTo - performance.now()),
    );

    // Deterministic schedule: editor e types at t0 + e/N of a period + k periods.
    await Promise.all(
      peers.map(
        (peer, editor) =>
          new Promise<void>((done) => {
            const text = texts[editor]!;
            const byClock = sent.get(peer.doc.clientID)!;
            const offset = (editor / peers.length) * period;
            const receivers = peersIn(seats[editor]!.meeting) - 1;
            let k = 0;
            const type = () => {
              const due = t0 + offset + k * period;
              const measured = due >= measureFrom;
              const at = performance.now();
              if (measured) {
                scheduleLag.push(at - due);
                keystrokes++;
                expected += receivers;
              }
              byClock.set(Y.getState(peer.doc.store, peer.doc.clientID), { at, measured });
              text.insert(text.length, letters[(editor + k) % letters.length]!);
              k++;
              const next = t0 + offset + k * period;
              if (next >= measureTo) done();
              else setTimeout(type, Math.max(0, next - performance.now()));
            };
            setTimeout(type, Math.max(0, t0 + offset - performance.now()));
          }),
      ),
    );
    await windowClosed;
    const stragglerDeadline = performance.now() + STRAGGLER_MS;
    while (delivered < expected && performance.now() < stragglerDeadline) await new Promise((r) => setTimeout(r, 20));
    clearInterval(rssSampler);

    const windowSeconds = (windowEnd - windowStart) / 1000;
    const serverSystem = cpuAtEnd.system - cpuAtStart.system;
    const serverCpu = cpuAtEnd.user - cpuAtStart.user + serverSystem;
    const generatorSeconds = (generatorCpu.user + generatorCpu.system) / 1e6;
    const coreBusy = (core: number) => (coresAtEnd[core] ?? Number.NaN) - (coresAtStart[core] ?? Number.NaN);
    // Unpinned, the split between cores is unknown: count both cores together.
    const foreign = canPin
      ? [coreBusy(0) - serverCpu, coreBusy(1) - generatorSeconds]
      : [(coreBusy(0) + coreBusy(1) - serverCpu - generatorSeconds) / 2, Number.NaN];
    return {
      name,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      p999: percentile(latencies, 99.9),
      max: Math.max(...latencies),
      delivered,
      expected,
      keystrokes,
      cpuPercent: (serverCpu / windowSeconds) * 100,
      systemCpuPercent: (serverSystem / windowSeconds) * 100,
      peakRssMb,
      idleRssMb,
      connectMs,
      drops: peers.reduce((sum, peer) => sum + peer.drops(), 0),
      generatorCpuPercent: (generatorSeconds / windowSeconds) * 100,
      foreignCore0Percent: Math.max(0, (foreign[0]! / windowSeconds) * 100),
      foreignCore1Percent: Math.max(0, (foreign[1]! / windowSeconds) * 100),
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      loopDelayMaxMs: loopDelay.max / 1e6,
      scheduleLagP99Ms: percentile(scheduleLag, 99),
      keystrokeTimes: SPLIT ? splitTimes(sent) : undefined,
    };
  } finally {
    for (const peer of peers) peer?.destroy();
  }
}

/** Every measured keystroke that reached a peer whose provider was timed, on the wall clock. */
function splitTimes(sent: Map<number, Map<number, Keystroke>>): KeystrokeTimes[] {
  const times: KeystrokeTimes[] = [];
  for (const byClock of sent.values()) {
    for (const { at, measured, firstArrivalAt } of byClock.values()) {
      if (measured && firstArrivalAt !== undefined && Number.isFinite(firstArrivalAt)) times.push({ sentAt: performance.timeOrigin + at, firstArrivalAt });
    }
  }
  return times;
}
