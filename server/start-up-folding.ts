import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sqliteOf, type Db } from './db/database.js';
import { createDocumentStore } from './realtime/document-store.js';

/**
 * Folds every document's update log past `threshold` (left by a crash, or
 * imported), or holding a large update (see `FOLD_AT_ONCE_BYTES`), into a
 * snapshot, before the server serves. A database file is folded by a
 * short-lived process of its own: building thousands of updates into
 * documents takes tens of megabytes that a long-running server would
 * otherwise keep for its whole life (V8 and malloc rarely give memory back).
 * An in-memory database, which no other process can open, is folded in place.
 */
export async function foldLongLogs(db: Db, threshold: number): Promise<void> {
  const store = createDocumentStore({ db });
  const sqlite = sqliteOf(db);
  if (sqlite.memory) {
    await store.foldLogs(threshold);
    return;
  }
  if ((await store.logsToFold(threshold)).length === 0) return;
  // Compiled, the entry is its sibling bundle; run from source, the TypeScript file, through tsx.
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = fileURLToPath(new URL(fromSource ? './fold-long-logs.ts' : './fold-long-logs.mjs', import.meta.url));
  const child = spawn(process.execPath, [...(fromSource ? ['--import', 'tsx'] : []), entry, sqlite.name, String(threshold)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`folding the long update logs failed (exit code ${code})`);
}
