import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  databasePath: string;
  clientRoot: string;
  /** Seed the demo partnership into an empty database. */
  seedDemo: boolean;
  secureCookies: boolean;
  /** Where users reach the app, for links written into files; undefined means the address the server listens on. */
  publicUrl: string | undefined;
  /** Reverse proxies in front that append to X-Forwarded-For; 0 ignores that header. */
  trustedProxies: number;
}

function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${value}"`);
  return port;
}

function readPublicUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`QUORUM_PUBLIC_URL must be a URL such as https://quorum.example.org, not "${value}"`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username || url.password) {
    throw new Error(`QUORUM_PUBLIC_URL must be a plain http(s) address, not "${value}"`);
  }
  return url.href.replace(/\/+$/, '');
}

/** `false` (or unset): no proxy; `true`: one; a number: that many, each appending to X-Forwarded-For. */
function readTrustedProxies(value: string | undefined): number {
  if (value === undefined || value === '' || value === 'false') return 0;
  if (value === 'true') return 1;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0 || count > 10) {
    throw new Error(`QUORUM_TRUST_PROXY must be true, false or a number of proxies, not "${value}"`);
  }
  return count;
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
    publicUrl: readPublicUrl(env.QUORUM_PUBLIC_URL),
    trustedProxies: readTrustedProxies(env.QUORUM_TRUST_PROXY),
  };
}
