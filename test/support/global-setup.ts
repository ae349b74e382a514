import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildServer } from '../../scripts/compiled-server.js';
import { migrateToLatest, openDatabase } from '../../server/db/database.js';
import { seedDemoPartnership } from '../../server/seed/seed-demo.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, demo-seeded database file that tests copy rather than re-seed. */
    seededTemplatePath: string;
  }
}

/**
 * Seeding hashes two dozen passwords with scrypt: do it once per run, not per
 * test. The tests that run the server as its own process run the compiled
 * one, built here once.
 */
export default async function setup(project: TestProject) {
  buildServer();
  const dir = mkdtempSync(join(tmpdir(), 'quorum-template-'));
  const path = join(dir, 'seeded.db');
  const db = openDatabase({ path });
  await migrateToLatest(db);
  await seedDemoPartnership(db);
  await db.destroy(); // checkpoints the WAL so the single file is complete
  project.provide('seededTemplatePath', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
