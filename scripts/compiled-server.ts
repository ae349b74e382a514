/**
 * The server as production runs it (`npm start`): compiled to
 * dist/server/main.mjs and started on plain Node with the flags the start
 * script gives. The benchmark and the tests that run the server as its own
 * process (crash durability, end to end) start it this way, so they measure
 * and prove what ships.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const COMPILED_SERVER = join(ROOT, 'dist', 'server', 'main.mjs');

/** Node's flags from package.json's start script, e.g. the young-generation size. */
export function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}

/** Compiles the server as `npm start` does. */
export function buildServer(): void {
  const { status, stdout, stderr } = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (status !== 0) throw new Error(`could not build the server:\n${stdout}${stderr}`);
}

/** The command line that starts the compiled server. */
export function compiledServerArgs(extraFlags: string[] = []): string[] {
  return [...extraFlags, ...startFlags(), COMPILED_SERVER];
}
