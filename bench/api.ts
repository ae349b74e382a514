// Measures the partnership API over real HTTP on loopback: sign-in cost and
// p50/p95/p99 of the read endpoints under concurrent clients. Prints figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startQuorumServer } from '../server/quorum-server.js';
import { migrateToLatest, openDatabase } from '../server/db/database.js';
import { DEMO_PASSWORD } from '../server/seed/demo-partnership.js';
import { seedDemoPartnership } from '../server/seed/seed-demo.js';
import { percentile } from './stats.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);

const dir = mkdtempSync(join(tmpdir(), 'quorum-bench-'));
const db = openDatabase({ path: join(dir, 'bench.db') });
await migrateToLatest(db);
await seedDemoPartnership(db);
const quorum = await startQuorumServer({ db, port: 0, host: '127.0.0.1', log: () => {} });
const base = quorum.url;

const signInTimes: number[] = [];
let token = '';
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'chair.jag@demo.quorum.test', password: DEMO_PASSWORD }),
  });
  token = ((await response.json()) as { token: string }).token;
  signInTimes.push(performance.now() - started);
}
const headers = { authorization: `Bearer ${token}` };

async function measure(path: string): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) {
        const started = performance.now();
        const response = await fetch(`${base}${path}`, { headers });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${path}: ${response.status}`);
        times.push(performance.now() - started);
      }
    }),
  );
  return times;
}

const format = (times: number[]) =>
  `p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms`;

console.log(`Quorum API over loopback, ${REQUESTS} requests per endpoint, ${CONCURRENCY} concurrent clients`);
console.log(`POST /api/session (scrypt N=2^17): ${format(signInTimes)}`);
for (const path of ['/api/me', '/api/bodies', '/api/bodies/5']) {
  const started = performance.now();
  const times = await measure(path);
  const seconds = (performance.now() - started) / 1000;
  console.log(`GET ${path}: ${format(times)}, ${(REQUESTS / seconds).toFixed(0)} req/s`);
}

await quorum.close();
await db.destroy();
rmSync(dir, { recursive: true, force: true });
