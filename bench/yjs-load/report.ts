// What the bench prints: each run's table, the medians and spread over the runs, and the ratios
// against issue 11's targets.
import { medianAndSpread } from '../stats.js';
import { RUNS, type Scale } from './config.js';
import { canPin } from './cores.js';
import type { HistoryMeeting } from './history.js';
import type { LoadResult } from './load.js';
import type { OpenKind, OpenTiming } from './opening.js';
import type { LatencySplit } from './split.js';

export const QUORUM = 'Quorum';
export const REFERENCE = 'y-websocket 2.1.0';
export const HOCUSPOCUS = 'Hocuspocus 3.4.4';

/** One run at one scale: a result per server, in the order they ran. */
export type Run = LoadResult[];

export const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

/** Issue 11: Quorum / reference at most these. */
const TARGETS = [
  { label: 'p50', of: (r: LoadResult) => r.p50, most: 1.0 },
  { label: 'p99', of: (r: LoadResult) => r.p99, most: 1.0 },
  { label: 'CPU', of: (r: LoadResult) => r.cpuPercent, most: 1.3 },
  { label: 'peak RSS', of: (r: LoadResult) => r.peakRssMb, most: 1.5 },
] as const;

/** Issue 11: opening a long-history meeting at most the reference's time, the server's share under this. */
const OPEN_RATIO_TARGET = 1.0;
const SERVER_SHARE_TARGET_MS = 20;

/** Columns of text, the first `leftAligned` to the left and the rest, figures, to the right. */
function table(header: string[], rows: string[][], leftAligned = 1): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  return [header, ...rows].map((row) => row.map((cell, i) => (i < leftAligned ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
}

const spread = (samples: number[], digits: number, unit = '') => {
  const { median, min, max } = medianAndSpread(samples);
  return `${fmt(median, digits)}${unit} (${fmt(min, digits)}–${fmt(max, digits)})`;
};

/** Each run's figures, a table line per server, then how each was measured. */
function runLines(runs: Run[]): string[] {
  const header = ['run', 'server', 'p50 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'delivered/expected', 'CPU % of core', 'peak RSS MB', 'drops'];
  const rows = runs.flatMap((run, i) =>
    run.map((r) => [
      String(i + 1),
      r.name,
      fmt(r.p50, 2),
      fmt(r.p99, 2),
      fmt(r.p999, 2),
      fmt(r.max, 1),
      `${(r.delivered / r.expected).toFixed(4)} (${r.delivered}/${r.expected})`,
      fmt(r.cpuPercent),
      fmt(r.peakRssMb),
      String(r.drops),
    ]),
  );
  const details = runs.flatMap((run, i) =>
    run.map(
      (r) =>
        `run ${i + 1}, ${r.name}: ${r.keystrokes} keystrokes measured, all peers connected and synced in ${fmt(r.connectMs, 0)} ms; ` +
        `server CPU ${fmt(r.cpuPercent - r.systemCpuPercent)}% in its own code + ${fmt(r.systemCpuPercent)}% in the kernel; ` +
        `server RSS ${fmt(r.idleRssMb)} MB before connecting; generator CPU ${fmt(r.generatorCpuPercent)}% of core 1, ` +
        `event-loop delay p99 ${fmt(r.loopDelayP99Ms, 2)} ms / max ${fmt(r.loopDelayMaxMs, 1)} ms (1 ms timer), ` +
        `keystroke schedule lag p99 ${fmt(r.scheduleLagP99Ms, 2)} ms; ` +
        (canPin
          ? `other processes used ${fmt(r.foreignCore0Percent)}% of core 0 and ${fmt(r.foreignCore1Percent)}% of core 1`
          : `other processes used ${fmt(r.foreignCore0Percent)}% of each core`) +
        (Math.max(r.foreignCore0Percent, Number.isNaN(r.foreignCore1Percent) ? 0 : r.foreignCore1Percent) > 10 ? '  ← machine busy: figures disturbed' : ''),
    ),
  );
  const splits = runs.flatMap((run, i) => run.flatMap((r) => (r.split ? [splitLine(`run ${i + 1}, ${r.name}`, r.split)] : [])));
  return [
    'Edit-to-peer latency over every (keystroke, receiving peer) pair; server CPU over the measured window',
    ...table(header, rows, 2),
    '',
    ...details,
    ...(splits.length > 0 ? ['', 'Where each keystroke\'s time went, to its first peer (BENCH_SPLIT; p50 / p90 ms, and keystrokes over 1 ms):', ...splits] : []),
  ];
}

function splitLine(what: string, split: LatencySplit): string {
  const part = (name: string, [p50, p90]: [number, number], over: number) => `${name} ${fmt(p50, 3)} / ${fmt(p90, 3)} (${over})`;
  return (
    `${what}: ${part('sent → read by the server', split.inbound, split.overOneMs[0])}, ` +
    `${part('read → first write', split.server, split.overOneMs[1])}, ${part('write → first peer', split.outbound, split.overOneMs[2])}; ` +
    `${split.matched} keystrokes matched`
  );
}

/** Per server, the median of each figure over the runs, with its spread. */
function serverSummary(runs: Run[]): string[] {
  const names = [...new Set(runs.flatMap((run) => run.map((r) => r.name)))];
  const rows = names.map((name) => {
    const of = (figure: (r: LoadResult) => number) => runs.flatMap((run) => run.filter((r) => r.name === name).map(figure));
    const delivered = of((r) => (r.delivered === r.expected ? 1 : 0));
    return [
      name,
      spread(of((r) => r.p50), 2),
      spread(of((r) => r.p99), 2),
      spread(of((r) => r.cpuPercent), 1),
      spread(of((r) => r.peakRssMb), 1),
      `${delivered.filter(Boolean).length} of ${delivered.length}`,
    ];
  });
  const header = ['server', 'p50 ms', 'p99 ms', 'CPU % of core', 'peak RSS MB', 'runs with every edit delivered'];
  return [`Median over ${runs.length} runs (spread: lowest–highest)`, ...table(header, rows)];
}

interface Verdict {
  met: boolean;
  missed: string[];
}

/** Whether one run met every target: the four ratios, and every edit delivered. */
function verdictOf(quorum: LoadResult, reference: LoadResult): Verdict {
  const missed = TARGETS.flatMap(({ label, of, most }) => {
    const ratio = of(quorum) / of(reference);
    return ratio <= most ? [] : [`${label} ${ratio.toFixed(2)}×`];
  });
  if (quorum.delivered !== quorum.expected) missed.push(`delivered ${quorum.delivered}/${quorum.expected}`);
  return { met: missed.length === 0, missed };
}

function pairs(runs: Run[]): { quorum: LoadResult; reference: LoadResult }[] {
  return runs.flatMap((run) => {
    const quorum = run.find((r) => r.name === QUORUM);
    const reference = run.find((r) => r.name === REFERENCE);
    return quorum && reference ? [{ quorum, reference }] : [];
  });
}

/** Quorum / reference per run, their median and spread, each against its target. */
function ratioLines(runs: Run[]): string[] {
  const both = pairs(runs);
  if (both.length === 0) return [];
  const header = ['Quorum / reference', ...both.map((_, i) => `run ${i + 1}`), 'median (spread)', 'target'];
  const rows = TARGETS.map(({ label, of, most }) => {
    const ratios = both.map(({ quorum, reference }) => of(quorum) / of(reference));
    const { median } = medianAndSpread(ratios);
    return [label, ...ratios.map((ratio) => `${ratio.toFixed(2)}×`), spread(ratios, 2, '×'), `≤ ${most.toFixed(1)}×: ${median <= most ? 'met' : 'NOT met'}`];
  });
  const delivered = both.filter(({ quorum }) => quorum.delivered === quorum.expected).length;
  return [
    ...table(header, rows),
    `every edit delivered (Quorum): ${delivered} of ${both.length} runs: ${delivered === both.length ? 'met' : 'NOT met'}`,
  ];
}

/** The whole report of one scale. */
export function scaleReport(scale: Scale, runs: Run[]): string[] {
  return [
    '',
    `=== Scale ${scale.label}: ${scale.editors} editors in ${scale.meetings} meetings, ${runs.length} run${runs.length === 1 ? '' : 's'} ===`,
    ...runLines(runs),
    '',
    ...serverSummary(runs),
    '',
    ...ratioLines(runs),
  ];
}

/** The closing line of a scale: in how many runs every target was met, and what each run missed. */
export function scaleVerdict(scale: Scale, runs: Run[]): string {
  const both = pairs(runs);
  if (both.length === 0) return `Scale ${scale.label}: no run had both Quorum and the reference server: no targets to check`;
  const verdicts = both.map(({ quorum, reference }) => verdictOf(quorum, reference));
  const met = verdicts.filter((v) => v.met).length;
  const each = verdicts.map((v, i) => `run ${i + 1} ${v.met ? 'met' : `NOT met (${v.missed.join(', ')})`}`).join('; ');
  return `Scale ${scale.label}: targets met in ${met} of ${RUNS} runs: ${each}`;
}

/** Every open, then the medians of each kind and the two targets. */
export function opensReport(opens: OpenTiming[], compaction: string, history: HistoryMeeting | undefined): string[] {
  if (opens.length === 0) return [];
  const lines = [
    '',
    `=== Opening a meeting, connect → synced${history ? ` (long history: ${history.rows} updates, minutes ${history.minutesLength} characters)` : ''} ===`,
    ...opens.map(
      ({ label, ms, socketMs, firstMessageMs }) => `  ${label}: ${fmt(ms)} ms   [socket open ${fmt(socketMs)} ms, first server message ${fmt(firstMessageMs)} ms]`,
    ),
  ];
  if (compaction) lines.push(`  ${compaction}`);
  const ofKind = (kind: OpenKind) => opens.filter((open) => open.kind === kind);
  const share = (open: OpenTiming) => open.firstMessageMs - open.socketMs;
  lines.push('', 'Median (spread) of each kind of open:');
  for (const kind of ['quorum short, cold', 'quorum long, cold', 'quorum long, loaded', 'reference long, loaded'] as const) {
    const samples = ofKind(kind);
    if (samples.length === 0) continue;
    lines.push(
      `  ${kind}: ${spread(samples.map((o) => o.ms), 1, ' ms')} over ${samples.length}; ` +
        `first server message − socket open ${spread(samples.map(share), 1, ' ms')}`,
    );
  }
  const quorumCold = ofKind('quorum long, cold');
  const reference = ofKind('reference long, loaded');
  if (quorumCold.length > 0 && reference.length > 0) {
    const ours = medianAndSpread(quorumCold.map((o) => o.ms)).median;
    const theirs = medianAndSpread(reference.map((o) => o.ms)).median;
    const ratio = ours / theirs;
    lines.push(
      `Quorum cold open / reference open of a long history (medians): ${fmt(ours)} / ${fmt(theirs)} ms = ${ratio.toFixed(2)}× ` +
        `(≤ ${OPEN_RATIO_TARGET.toFixed(1)}×: ${ratio <= OPEN_RATIO_TARGET ? 'met' : 'NOT met'})`,
    );
  }
  if (quorumCold.length > 0) {
    const ours = medianAndSpread(quorumCold.map(share)).median;
    lines.push(
      `Quorum's own share of a cold open (first server message − socket open, median): ${fmt(ours)} ms ` +
        `(< ${SERVER_SHARE_TARGET_MS} ms: ${ours < SERVER_SHARE_TARGET_MS ? 'met' : 'NOT met'})`,
    );
  }
  return lines;
}
