/**
 * `node fold-long-logs <database> <threshold>`: folds every document's long
 * update log (or one holding a large update) into a snapshot, then exits.
 * The server runs it as a process of its own before it starts serving a
 * database file (see `start-up-folding.ts`).
 */
import { openDatabase } from './db/database.js';
import { createDocumentStore } from './realtime/document-store.js';

const [path, threshold] = process.argv.slice(2);
if (!path || !Number.isInteger(Number(threshold))) {
  console.error('usage: fold-long-logs <database> <threshold>');
  process.exit(2);
}
const db = openDatabase({ path });
try {
  const folded = await createDocumentStore({ db }).foldLogs(Number(threshold));
  console.log(`Folded the update logs of ${folded.length} document(s) into snapshots`);
} finally {
  await db.destroy();
}
