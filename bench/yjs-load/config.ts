// What the live-editing bench runs, from its BENCH_* variables (listed in bench/yjs-load.ts).

/** One load: so many editors spread over so many live meetings. */
export interface Scale {
  editors: number;
  meetings: number;
  /** As written in BENCH_SCALES: "100x20". */
  label: string;
}

export type ServerKind = 'quorum' | 'reference' | 'hocuspocus';

function parseScales(): Scale[] {
  // BENCH_EDITORS / BENCH_MEETINGS alone still name a single scale, as before BENCH_SCALES existed.
  const single = process.env.BENCH_EDITORS !== undefined || process.env.BENCH_MEETINGS !== undefined;
  const written =
    process.env.BENCH_SCALES ?? (single ? `${process.env.BENCH_EDITORS ?? 100}x${process.env.BENCH_MEETINGS ?? 20}` : '100x20,200x40');
  return written.split(',').map((part) => {
    const match = /^\s*(\d+)\s*x\s*(\d+)\s*$/.exec(part);
    if (!match) throw new Error(`BENCH_SCALES: "${part}" is not editors x meetings, e.g. 100x20`);
    const [editors, meetings] = [Number(match[1]), Number(match[2])];
    if (editors < 2 * meetings) throw new Error(`BENCH_SCALES ${part}: editors must be at least twice the meetings, so every meeting has a peer to receive`);
    return { editors, meetings, label: `${editors}x${meetings}` };
  });
}

export const SCALES = parseScales();
export const RUNS = Number(process.env.BENCH_RUNS ?? 3);
export const RATE = Number(process.env.BENCH_RATE ?? 2);
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
export const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
export const HISTORY = Number(process.env.BENCH_HISTORY ?? 20_000);
export const QUIET_WAIT_SECONDS = Number(process.env.BENCH_QUIET_WAIT ?? 120);
export const SERVERS = (process.env.BENCH_SERVERS ?? 'quorum,reference').split(',').map((s) => s.trim()) as ServerKind[];
export const PROFILE_DIR = process.env.BENCH_PROFILE;
/** Extra Node flags for every server process, e.g. `--perf-basic-prof` (for `perf record -p`) or `--trace-gc`. */
export const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
export const QUORUM_DB_DIR = process.env.BENCH_QUORUM_DB_DIR;

/** How long to wait for late deliveries once typing stops. */
export const STRAGGLER_MS = 5_000;
export const HOST = '127.0.0.1';
export { ROOT } from '../../scripts/compiled-server.js';
/** Signs in for the opens: chair of the JAG, whose body holds the long-history meetings. */
export const ADMIN_EMAIL = 'chair.jag@demo.quorum.test';
