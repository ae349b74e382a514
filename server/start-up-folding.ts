import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Db } from './db/database.js';
import { createDocumentStore } from './realtime/document-store.js';

/**
 * Folds long update logs (left by a crash, or imported) before the server
 * serves, in a short-lived process of its own: building thousands of updates
 * into documents takes tens of megabytes that a long-running server would
 * otherwise keep for its whole life (V8 and malloc rarely give memory back).
 * Resolves once the child is done; the server's own fold then finds nothing.
 */
export async function foldLongLogsApart({ db, databasePath, threshold }: { db: Db; databasePath: string; threshold: number }): Promise<void> {
  const long = await createDocumentStore({ db }).longTails(threshold);
  if (long.length === 0) return;
  // Compiled, the entry is its sibling bundle; run from source, the TypeScript file, through tsx.
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = fileURLToPath(new URL(fromSource ? './fold-long-logs.ts' : './fold-long-logs.mjs', import.meta.url));
  const child = spawn(process.execPath, [...(fromSource ? ['--import', 'tsx'] : []), entry, databasePath, String(threshold)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`folding the long update logs failed (exit code ${code})`);
}
