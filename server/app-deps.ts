import type { Db } from './db/database.js';
import type { LiveNotices } from './live/live-notices.js';
import type { DocumentRegistry } from './realtime/document-registry.js';

/** What the features' services are built from: the database, the live documents, and what people are told. */
export interface AppDeps {
  db: Db;
  registry: DocumentRegistry;
  notices: LiveNotices;
}
