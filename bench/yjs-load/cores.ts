// The machine: pinning to cores, CPU and memory from /proc, and waiting for the cores to be quiet.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { QUIET_WAIT_SECONDS } from './config.js';

export const hasTaskset = spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
export const canPin = process.env.BENCH_PINNED === '1' || (process.env.BENCH_PINNED !== '0' && hasTaskset && cpus().length >= 2);

/** [command, args] to run a command pinned to one core, when pinning is possible. */
export function pinned(core: number, command: string, args: string[]): [string, string[]] {
  return canPin ? ['taskset', ['-c', String(core), command, ...args]] : [command, args];
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** CPU seconds a process has used so far, in its own code and in the kernel on its behalf. */
export function cpuSecondsOf(pid: number): { user: number; system: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
  return { user: Number(fields[11]) / CLOCK_TICKS, system: Number(fields[12]) / CLOCK_TICKS }; // utime, stime
}

/** Busy (non-idle) seconds of each CPU core so far, from /proc/stat. */
export function coreBusySeconds(): number[] {
  return readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .filter((line) => /^cpu\d+ /.test(line))
    .map((line) => {
      // user nice system idle iowait irq softirq steal
      const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.split(/\s+/).slice(1).map(Number);
      return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS;
    });
}

/**
 * Other tenants of the machine disturb every figure. Waits (up to BENCH_QUIET_WAIT
 * seconds, default 120) until the two cores have been mostly idle for 2 s.
 */
export async function waitForQuiet(): Promise<string> {
  const limit = QUIET_WAIT_SECONDS * 1000;
  const started = performance.now();
  for (;;) {
    const before = coreBusySeconds();
    await new Promise((r) => setTimeout(r, 2000));
    const after = coreBusySeconds();
    const busiest = Math.max(...after.map((busy, core) => ((busy - before[core]!) / 2) * 100));
    if (busiest < 15) return `machine quiet (busiest core ${busiest.toFixed(0)}%)`;
    if (performance.now() - started > limit) return `machine still busy after ${limit / 1000} s (busiest core ${busiest.toFixed(0)}%): going ahead`;
  }
}

export function rssMbOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}
