// Live-editing load on Quorum's Yjs endpoint, side by side with the y-websocket
// reference server (y-websocket@2.1.0's bin/server.cjs) and, when asked, a bare
// Hocuspocus: N editors (real WebsocketProviders) in M live meetings type K
// keystrokes a second each into an agenda item's minutes. For each scale, RUNS
// runs; each run starts a fresh Quorum (on a fresh copy of a database prepared
// once, with long-history meetings) then a fresh reference server, one server
// at a time, each pinned to core 0 and this generator to core 1 (taskset).
// Prints each run's edit-to-peer latency, delivery, server CPU and peak RSS,
// then per scale the medians over the runs and the Quorum / reference ratios
// against issue 11's targets, then how long a meeting with a long update
// history takes to open (a fresh Quorum and a fresh reference server side by
// side, their opens taken in turn).
//
// Env: BENCH_SCALES editors x meetings, comma-separated (100x20,200x40);
// BENCH_RUNS per scale (3; 0 for the opens alone); BENCH_EDITORS / BENCH_MEETINGS, when BENCH_SCALES
// is not set, name a single scale (defaults 100 / 20); BENCH_RATE keys/s per
// editor (2); BENCH_SECONDS measured (30); BENCH_WARMUP seconds (5);
// BENCH_HISTORY updates in each long-history meeting (20000); BENCH_SERVERS
// (quorum,reference; add hocuspocus to run it too); BENCH_PROFILE=<dir>
// to run every server with --cpu-prof, a folder per server process
// (load-<scale>-run<n>, reference-<scale>-run<n>, opens, reopen, reference-opens); BENCH_QUORUM_DB_DIR=/dev/shm to put Quorum's
// database on tmpfs (diagnostic: takes fsync out); BENCH_QUIET_WAIT seconds to
// wait, before each load, for other processes to leave the cores idle (120);
// BENCH_PINNED=0 to run unpinned; BENCH_NODE_FLAGS, Node flags for every server
// (`--perf-basic-prof` to name JavaScript frames for `perf record -g -p <pid>`;
// `--trace-gc`: what they make a server print goes to stderr, by process);
// BENCH_SPLIT=1 to split each keystroke's time to its first peer into sent →
// read by the server, read → the server's first write, and that write → the
// peer, for every server alike (a probe preloaded into each; diagnostic).
// Each run's line per server says how much CPU
// other processes used on the two cores during the window: above 10% the
// figures are disturbed.
//
// The work is in bench/yjs-load/: config, cores (pinning, /proc), servers,
// peers, load, split (and split-probe.cjs), history (the prepared database), quorum-setup (sign-in,
// meetings, seats), opening, report, main (the course of runs).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { canPin } from './yjs-load/cores.js';

if (canPin && process.env.BENCH_PINNED !== '1') {
  const child = spawn('taskset', ['-c', '1', process.execPath, '--expose-gc', ...process.execArgv, fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_PINNED: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const { main } = await import('./yjs-load/main.js');
  await main();
}
