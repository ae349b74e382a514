import type { Migration } from 'kysely';
import * as foundation from './2026-11-22T0900_foundation.js';
import * as liveMeetings from './2026-11-22T1100_live_meetings.js';
import * as actionLogs from './2026-11-22T1400_action_logs.js';
import * as actionsByBody from './2026-11-30T2200_actions_by_body.js';
import * as escalationsPriorities from './2026-12-01T0900_escalations_priorities.js';
import * as search from './2026-12-01T1300_search.js';
import * as minutesLifecycle from './2026-12-01T1600_minutes_lifecycle.js';
import * as snapshotStateVector from './2026-12-01T2000_snapshot_state_vector.js';
import * as docUpdatesByDocument from './2026-12-01T2200_doc_updates_by_document.js';
import * as searchFollowsChanges from './2026-12-02T0600_search_follows_changes.js';
import * as actionsClusteredByBody from './2026-12-02T0700_actions_clustered_by_body.js';

/** Every migration, by name; names sort in the order they must run. */
export const migrations: Record<string, Migration> = {
  '2026-11-22T0900_foundation': foundation,
  '2026-11-22T1100_live_meetings': liveMeetings,
  '2026-11-22T1400_action_logs': actionLogs,
  '2026-11-30T2200_actions_by_body': actionsByBody,
  '2026-12-01T0900_escalations_priorities': escalationsPriorities,
  '2026-12-01T1300_search': search,
  '2026-12-01T1600_minutes_lifecycle': minutesLifecycle,
  '2026-12-01T2000_snapshot_state_vector': snapshotStateVector,
  '2026-12-01T2200_doc_updates_by_document': docUpdatesByDocument,
  '2026-12-02T0600_search_follows_changes': searchFollowsChanges,
  '2026-12-02T0700_actions_clustered_by_body': actionsClusteredByBody,
};
