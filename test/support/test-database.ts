import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Db } from '../../server/db/database.js';

export interface TestDatabase {
  db: Db;
  path: string;
  dispose(): Promise<void>;
}

/** A private copy of the seeded demo database, on a real file. */
export function openSeededTestDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-test-'));
  const path = join(dir, 'quorum.db');
  copyFileSync(inject('seededTemplatePath'), path);
  const db = openDatabase({ path });
  return {
    db,
    path,
    async dispose() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function temporaryDatabasePath(): { path: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-test-'));
  return { path: join(dir, 'quorum.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
