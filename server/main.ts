import { readConfig } from './config.js';
import { migrateToLatest, openDatabase } from './db/database.js';
import { startQuorumServer } from './quorum-server.js';
import { isDatabaseEmpty, seedDemoPartnership } from './seed/seed-demo.js';
import { seedDemoGovernance } from './seed/seed-governance.js';

const config = readConfig();
const db = openDatabase({ path: config.databasePath });
await migrateToLatest(db);
const seeding = config.seedDemo && (await isDatabaseEmpty(db));
if (seeding) {
  console.log('Empty database: seeding the demo partnership…');
  await seedDemoPartnership(db);
}

const quorum = await startQuorumServer({
  db,
  port: config.port,
  host: config.host,
  clientRoot: config.clientRoot,
  secureCookies: config.secureCookies,
  trustedProxies: config.trustedProxies,
  ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
});
// Escalations and priorities write into live documents, so the demo's are made once the server is up.
if (seeding) await seedDemoGovernance({ db, registry: quorum.registry, notices: quorum.notices });
console.log(`Quorum is running at ${quorum.publicUrl}`);
console.log(`Database: ${config.databasePath}`);
console.log('Demo logins (password demo-quorum-2026) are listed in README.md under "Demo logins".');

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await quorum.close();
  await db.destroy();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
