// The servers under load, each its own process pinned to core 0, killed however the bench exits.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { compiledServerArgs } from '../../scripts/compiled-server.js';
import { HOST, NODE_FLAGS, PROFILE_DIR, ROOT } from './config.js';
import { pinned } from './cores.js';
import { SPLIT, splitProbe } from './split.js';

export interface ServerProcess {
  name: string;
  pid: number;
  port: number;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
const tempDirs: string[] = [];

/** A temp folder removed when the bench exits. */
export function tempDir(parent: string): string {
  const dir = mkdtempSync(join(parent, 'quorum-yjs-bench-'));
  tempDirs.push(dir);
  return dir;
}

/** Kills every server still running and removes the temp folders; runs on exit. */
export function cleanUp(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** Spawns a server on core 0 and resolves once it prints a line matching `ready`. */
async function startServer(name: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<ServerProcess> {
  const port = await freePort();
  const [command, commandArgs] = pinned(0, process.execPath, args);
  const child = spawn(command, commandArgs, { cwd: ROOT, env: { ...process.env, ...env, ...splitProbe().env, HOST, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  void exited.then(() => children.delete(child));
  const output: string[] = [];
  let errorLines = 0;
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    output.push(chunk);
    // Show the server's complaints, but not a flood of them.
    for (const line of chunk.split('\n').filter(Boolean)) {
      if (++errorLines <= 20) console.error(`  [${name} stderr] ${line}`);
      else if (errorLines === 21) console.error(`  [${name} stderr] … (further lines hidden)`);
    }
  });
  // With BENCH_NODE_FLAGS (say --trace-gc), what the flags make the server print is the point: all of it, to stderr.
  if (NODE_FLAGS.length > 0) createInterface({ input: child.stdout! }).on('line', (line) => console.error(`  [${name} ${child.pid}] ${line}`));
  await new Promise<void>((resolveReady, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s:\n${output.join('')}`)), 60_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output.push(chunk);
      buffer += chunk;
      if (ready.test(buffer)) {
        clearTimeout(timer);
        resolveReady();
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready (${child.exitCode ?? child.signalCode}):\n${output.join('')}`));
    });
  });
  return {
    name,
    pid: child.pid!,
    port,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Quorum as `npm start` runs it (compiled, plain Node; build it first with
 * buildServer), on the database at `dbPath`. With BENCH_PROFILE, a CPU
 * profile per server process, in a folder named `profileName`.
 */
export function startQuorum(dbPath: string, profileName: string): Promise<ServerProcess> {
  return startServer('quorum', compiledServerArgs(profileFlags(profileName)), { QUORUM_DB: dbPath }, /Quorum is running at/);
}

/**
 * BENCH_NODE_FLAGS; with BENCH_PROFILE Node's flags for a CPU profile of the
 * server in a folder named `profileName`; with BENCH_SPLIT the probe that
 * times each read (bench/yjs-load/split.ts).
 */
function profileFlags(profileName: string): string[] {
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${resolve(PROFILE_DIR, profileName)}`] : [];
  return [...NODE_FLAGS, ...profile, ...splitProbe().flags];
}

/** Quorum exits on SIGTERM; the others die of it, before Node writes a profile or the probe its times, unless told to exit. */
const exitOnSigterm = (): string[] => (PROFILE_DIR || SPLIT ? ['--require', './bench/yjs-load/exit-on-sigterm.cjs'] : []);

/** y-websocket@2.1.0's bin/server.cjs: in memory, keeps nothing. With BENCH_PROFILE, profiled into a folder named `profileName`. */
export function startReference(profileName: string): Promise<ServerProcess> {
  return startServer('y-websocket', [...profileFlags(profileName), ...exitOnSigterm(), 'node_modules/y-websocket-reference/bin/server.cjs'], {}, /running at/);
}

export function startHocuspocus(): Promise<ServerProcess> {
  return startServer('hocuspocus', [...NODE_FLAGS, ...splitProbe().flags, ...exitOnSigterm(), 'bench/hocuspocus-server.mjs'], {}, /hocuspocus ready/);
}
