import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Db } from '../../server/db/database.js';

export interface TestDatabase {
  /** Replaced when a test server restarts over the same file. */
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
  const database: TestDatabase = {
    db,
    path,
    async dispose() {
      await database.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return database;
}

export function temporaryDatabasePath(): { path: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-test-'));
  return { path: join(dir, 'quorum.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
