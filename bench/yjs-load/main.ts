// The bench's course: for each scale, RUNS runs of a fresh Quorum and a fresh reference
// server (and Hocuspocus when asked), Quorum first in odd runs and last in even ones;
// then the long-history opens, on a fresh Quorum and a fresh reference server side by side.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServer } from '../../scripts/compiled-server.js';
import { ADMIN_EMAIL, HISTORY, HOST, PROFILE_DIR, QUORUM_DB_DIR, RATE, RUNS, SCALES, SECONDS, SERVERS, WARMUP, type Scale } from './config.js';
import { canPin, hasTaskset, waitForQuiet } from './cores.js';
import { copyDatabase, prepareQuorumDatabase, type HistoryMeeting } from './history.js';
import { anonymousSeats, initialiseReferenceRoom, runLoad, type LoadResult } from './load.js';
import { compareOpens, type OpenTiming } from './opening.js';
import { hocuspocusPeer, yWebsocketPeer } from './peers.js';
import { prepareQuorumMeetings, signInAs } from './quorum-setup.js';
import { fmt, HOCUSPOCUS, opensReport, QUORUM, REFERENCE, scaleReport, scaleVerdict, type Run } from './report.js';
import { cleanUp, startHocuspocus, startQuorum, startReference, tempDir, type ServerProcess } from './servers.js';
import { latencySplit } from './split.js';

/** The prepared Quorum database, copied for each server process. */
interface Prepared {
  path: string;
  dir: string;
  history: HistoryMeeting[];
  baselines: HistoryMeeting[];
}

/** Gathered by the last run: the long-history opens. */
interface Opens {
  timings: OpenTiming[];
  compaction: string;
}

async function prepareQuorum(dir: string): Promise<Prepared> {
  // BENCH_QUORUM_DB_DIR=/dev/shm puts the database on tmpfs (fsync is then free): a diagnostic, not the real setup.
  const dbDir = QUORUM_DB_DIR ? tempDir(QUORUM_DB_DIR) : dir;
  const path = join(dbDir, 'prepared.db');
  const started = performance.now();
  const { history, baselines } = await prepareQuorumDatabase(path, { count: 5, rows: HISTORY, shortCount: 3 });
  console.log(
    `Quorum database seeded with ${history.length} long-history meetings of ${history[0]!.rows} updates ` +
      `(${(history[0]!.bytes / 1024).toFixed(0)} KiB each) in ${fmt((performance.now() - started) / 1000)} s; each server process starts on a fresh copy`,
  );
  // As `npm start` runs it: compiled, on plain Node.
  buildServer();
  return { path, dir: dbDir, history, baselines };
}

/** A fresh Quorum on a fresh copy of the prepared database, under load. */
async function quorumRun(prepared: Prepared, scale: Scale, run: number): Promise<LoadResult> {
  const dbPath = join(prepared.dir, `quorum-${scale.label}-run${run}.db`);
  copyDatabase(prepared.path, dbPath);
  const server = await startQuorum(dbPath, `load-${scale.label}-run${run}`);
  return loadThenStop(
    server,
    async () => {
      const { seats, summary } = await prepareQuorumMeetings(`http://${HOST}:${server.port}`, scale);
      console.log(`${QUORUM}: ${summary}`);
      const url = `ws://${HOST}:${server.port}/yjs`;
      return runLoad(QUORUM, server, seats, (seat) => yWebsocketPeer(url, seat.room, seat.token));
    },
    () => removeDatabase(dbPath),
  );
}

/** Runs `load`, stops the server, then (with BENCH_SPLIT) splits the latency with the times the server's probe wrote as it exited. */
async function loadThenStop(server: ServerProcess, load: () => Promise<LoadResult>, afterStop = () => {}): Promise<LoadResult> {
  let result: LoadResult;
  try {
    result = await load();
  } finally {
    await server.stop();
    afterStop();
  }
  const { keystrokeTimes, ...figures } = result;
  return keystrokeTimes ? { ...figures, split: latencySplit(keystrokeTimes, server.pid) } : figures;
}

async function referenceRun(scale: Scale, run: number): Promise<LoadResult> {
  const server = await startReference(`reference-${scale.label}-run${run}`);
  const url = `ws://${HOST}:${server.port}`;
  return loadThenStop(server, () =>
    runLoad(REFERENCE, server, anonymousSeats(scale, 'bench'), (seat) => yWebsocketPeer(url, seat.room, null), initialiseReferenceRoom),
  );
}

/** The long-history opens, on a fresh Quorum and a fresh reference server side by side, taken in turn. */
async function openingRun(prepared: Prepared): Promise<Opens> {
  const dbPath = join(prepared.dir, 'quorum-opens.db');
  copyDatabase(prepared.path, dbPath);
  const quorum = await startQuorum(dbPath, 'opens');
  const reference = await startReference('reference-opens');
  try {
    console.log(`\n--- Opening long-history meetings: ${await waitForQuiet()}`);
    const token = await signInAs(`http://${HOST}:${quorum.port}`, ADMIN_EMAIL);
    const { history, baselines } = prepared;
    const restart = () => startQuorum(dbPath, 'reopen');
    const { opens, compaction } = await compareOpens({ quorum, restart, reference, dbPath, history, baselines, token });
    return { timings: opens, compaction };
  } finally {
    await quorum.stop();
    await reference.stop();
    removeDatabase(dbPath);
  }
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

async function hocuspocusRun(scale: Scale): Promise<LoadResult> {
  const server = await startHocuspocus();
  const url = `ws://${HOST}:${server.port}`;
  return loadThenStop(server, () =>
    runLoad(HOCUSPOCUS, server, anonymousSeats(scale, 'bench'), (seat) => hocuspocusPeer(url, seat.room), initialiseReferenceRoom),
  );
}

export async function main(): Promise<void> {
  process.on('exit', cleanUp);
  process.setMaxListeners(Math.max(...SCALES.map((scale) => scale.editors)) + 20); // y-websocket adds an exit listener per provider in Node
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

  const dir = tempDir(tmpdir());
  console.log(
    `Yjs live-editing load: scales ${SCALES.map((s) => s.label).join(', ')} (editors x meetings), ${RUNS} runs each ` +
      `of ${SERVERS.join(', ')}; ${RATE} keys/s per editor, ${WARMUP} s warm-up + ${SECONDS} s measured; long history ${HISTORY} updates`,
  );
  console.log(
    canPin
      ? 'Pinning: each server on core 0 (taskset -c 0), this generator on core 1 (taskset -c 1)'
      : `Pinning: NOT pinned (${hasTaskset ? 'fewer than 2 cores' : 'taskset not found'}); servers and generator share cores`,
  );
  const prepared = SERVERS.includes('quorum') ? await prepareQuorum(dir) : undefined;

  const runsByScale: Run[][] = [];
  for (const scale of SCALES) {
    const runs: Run[] = [];
    for (let run = 1; run <= RUNS; run++) {
      console.log(`\n--- Scale ${scale.label}, run ${run} of ${RUNS}`);
      const results: Run = [];
      // Quorum first in odd runs, last in even ones: a machine that slows or speeds up over the
      // minutes of a bench then weighs on both sides of each ratio alike, not always on one.
      const quorum = prepared ? [() => quorumRun(prepared, scale, run)] : [];
      const others = [
        ...(SERVERS.includes('reference') ? [() => referenceRun(scale, run)] : []),
        ...(SERVERS.includes('hocuspocus') ? [() => hocuspocusRun(scale)] : []),
      ];
      for (const next of run % 2 === 1 ? [...quorum, ...others] : [...others, ...quorum]) results.push(await next());
      for (const r of results) {
        console.log(`${r.name}: p50 ${fmt(r.p50, 2)} ms, p99 ${fmt(r.p99, 2)} ms, CPU ${fmt(r.cpuPercent)}%, peak RSS ${fmt(r.peakRssMb)} MB, ${r.delivered}/${r.expected} delivered`);
      }
      runs.push(results);
    }
    runsByScale.push(runs);
    if (runs.length > 0) for (const line of scaleReport(scale, runs)) console.log(line);
  }
  if (prepared && SERVERS.includes('reference')) {
    const opens = await openingRun(prepared);
    for (const line of opensReport(opens.timings, opens.compaction, prepared.history[0])) console.log(line);
  }
  console.log('');
  if (RUNS > 0) for (const [index, scale] of SCALES.entries()) console.log(scaleVerdict(scale, runsByScale[index]!));
  if (PROFILE_DIR) console.log(`\nCPU profiles written to ${resolve(PROFILE_DIR)}, a folder per server process`);
}
