import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  databasePath: string;
  clientRoot: string;
  /** Seed the demo partnership into an empty database. */
  seedDemo: boolean;
  secureCookies: boolean;
}

function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${value}"`);
  return port;
}

/** Settings come from the environment; every one has a working default. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: readPort(env.PORT),
    host: env.HOST ?? '0.0.0.0',
    databasePath: resolve(env.QUORUM_DB ?? './data/quorum.db'),
    clientRoot: resolve(env.QUORUM_CLIENT_ROOT ?? './dist/client'),
    seedDemo: env.QUORUM_SEED_DEMO !== 'false',
    secureCookies: env.QUORUM_SECURE_COOKIES === 'true',
  };
}
