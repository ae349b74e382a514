import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { migrateToLatest, openDatabase } from './db/database.js';
import { isDatabaseEmpty, seedDemoPartnership } from './seed/seed-demo.js';

const config = readConfig();
const db = openDatabase({ path: config.databasePath });
await migrateToLatest(db);
if (config.seedDemo && (await isDatabaseEmpty(db))) {
  console.log('Empty database: seeding the demo partnership…');
  await seedDemoPartnership(db);
}

const app = createApp({ db, clientRoot: config.clientRoot, secureCookies: config.secureCookies });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Quorum is running at http://localhost:${info.port}`);
  console.log(`Database: ${config.databasePath}`);
  console.log('Demo logins (password demo-quorum-2026) are listed in README.md under "Demo logins".');
});

function shutdown(): void {
  server.close();
  void db.destroy().then(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
