import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledServerArgs } from '../../scripts/compiled-server.js';

export interface RunningApp {
  url: string;
  output(): string;
  /** Kills the process with the signal (SIGKILL: no chance to clean up) and waits for it to go. */
  kill(signal: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

export interface RunningAppOptions {
  /** Database file to use; by default a new empty one, which the server seeds. */
  databasePath?: string;
  /** Build the browser client first (end-to-end tests need it). */
  buildClient?: boolean;
}

/**
 * Starts the server as its own process on a free port, as `npm start` does:
 * the compiled dist/server/main.mjs (the global set-up builds it once per run)
 * with the start script's flags.
 */
export async function startRunningApp({ databasePath, buildClient = true }: RunningAppOptions = {}): Promise<RunningApp> {
  if (buildClient) {
    const build = spawnSync(process.execPath, ['scripts/build-client.mjs'], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`client build failed:\n${build.stdout}${build.stderr}`);
  }

  const dir = databasePath ? undefined : mkdtempSync(join(tmpdir(), 'quorum-e2e-'));
  const child: ChildProcess = spawn(process.execPath, compiledServerArgs(), {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', QUORUM_DB: databasePath ?? join(dir!, 'quorum.db') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/[\w.-]+:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace('//localhost:', '//127.0.0.1:'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`server exited with ${child.exitCode}:\n${output}`)));
  });
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url,
    output: () => output,
    kill,
    async stop() {
      await kill('SIGTERM');
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
