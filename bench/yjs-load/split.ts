// BENCH_SPLIT=1: where a keystroke's edit-to-peer time goes, for any server.
// The generator knows when it sent each keystroke and when the first peer's
// copy reached it; split-probe.cjs, inside the server, when each socket read
// reached the server and when the server first wrote while handling it. All
// are wall-clock times from each process's performance.timeOrigin.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from '../stats.js';
import { ROOT } from './config.js';

export const SPLIT = process.env.BENCH_SPLIT === '1';
const SPLIT_DIR = SPLIT ? mkdtempSync(join(tmpdir(), 'quorum-bench-split-')) : '';
if (SPLIT) process.on('exit', () => rmSync(SPLIT_DIR, { recursive: true, force: true }));

/** Node flags and environment that load the probe into a server. */
export function splitProbe(): { flags: string[]; env: Record<string, string> } {
  return SPLIT ? { flags: ['--require', join(ROOT, 'bench/yjs-load/split-probe.cjs')], env: { BENCH_SPLIT_DIR: SPLIT_DIR } } : { flags: [], env: {} };
}

/** One measured keystroke, as the generator saw it: sent, and first received by a peer. */
export interface KeystrokeTimes {
  sentAt: number;
  firstArrivalAt: number;
}

export interface LatencySplit {
  /** Keystrokes matched to the server read that carried them. */
  matched: number;
  /** [p50, p90] in ms: sent → read by the server; read → its first write; that write → the first peer has it. */
  inbound: [number, number];
  server: [number, number];
  outbound: [number, number];
  /** Keystrokes that spent over 1 ms in each part. */
  overOneMs: [number, number, number];
}

/**
 * Each keystroke is matched to the first read the server took at or after it
 * was sent, when that read led to a write before the first peer had the
 * keystroke; the rest (a read queued behind other work, a concurrent
 * keystroke's read) are left out.
 */
export function latencySplit(keystrokes: KeystrokeTimes[], serverPid: number): LatencySplit | undefined {
  const file = join(SPLIT_DIR, `${serverPid}.json`);
  if (!SPLIT || !existsSync(file)) return undefined;
  const flat = JSON.parse(readFileSync(file, 'utf8')) as number[];
  const reads: [number, number][] = [];
  for (let index = 0; index < flat.length; index += 2) reads.push([flat[index]!, flat[index + 1]!]);
  reads.sort((a, b) => a[0] - b[0]);
  const inbound: number[] = [];
  const server: number[] = [];
  const outbound: number[] = [];
  for (const { sentAt, firstArrivalAt } of keystrokes) {
    const read = reads[firstReadFrom(reads, sentAt)];
    if (!read || read[1] < 0 || read[1] > firstArrivalAt) continue;
    inbound.push(read[0] - sentAt);
    server.push(read[1] - read[0]);
    outbound.push(firstArrivalAt - read[1]);
  }
  if (inbound.length === 0) return undefined;
  const p50p90 = (values: number[]): [number, number] => [percentile(values, 50), percentile(values, 90)];
  const over = (values: number[]) => values.filter((ms) => ms > 1).length;
  return {
    matched: inbound.length,
    inbound: p50p90(inbound),
    server: p50p90(server),
    outbound: p50p90(outbound),
    overOneMs: [over(inbound), over(server), over(outbound)],
  };
}

function firstReadFrom(reads: [number, number][], at: number): number {
  let low = 0;
  let high = reads.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (reads[middle]![0] < at) low = middle + 1;
    else high = middle;
  }
  return low;
}
