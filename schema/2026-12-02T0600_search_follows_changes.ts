import { sql, type Kysely } from 'kysely';
import { actionEntry, decisionEntry, entryTriggers, escalationEntry, INTO, itemEntry, ofMeeting, sourceTriggers } from './2026-12-01T1300_search.js';

// A decision is as Part II as its item, and titled by it; rewritten only when either changed.
const decisionsFollow = `update search_entries set part_two = new.part_two, title = new.title
  where kind = 'decision' and meeting_id = new.meeting_id and item_id = new.item_id
    and (part_two is not new.part_two or title is not new.title);`;

/**
 * The search triggers do only the work a change calls for. Before, every
 * projection of typed minutes deleted and re-inserted the item's search entry
 * and rewrote the entry of each of its decisions (an FTS5 delete and insert
 * each) though their words had not changed; a meeting's date change
 * re-indexed all its entries. Now an entry is updated in place (upserted),
 * the FTS index follows only a change of its words, and decisions follow
 * their item only when its title or Part II flag changes.
 */
const triggers = [
  `create trigger search_entries_au after update on search_entries
     when old.title is not new.title or old.text is not new.text or old.kind is not new.kind
   begin
     insert into search_text (search_text, rowid, title, text, kind) values ('delete', old.id, old.title, old.text, old.kind);
     insert into search_text (rowid, title, text, kind) values (new.id, new.title, new.text, new.kind);
   end`,
  `create trigger search_agenda_items_ai after insert on agenda_items begin
     ${upsert(`${itemEntry('new')} ${ofMeeting}`, ['part_two', 'title', 'text'])}
     ${decisionsFollow}
   end`,
  `create trigger search_agenda_items_au after update on agenda_items
     when old.title is not new.title or old.minutes is not new.minutes or old.part_two is not new.part_two
       or old.item_id is not new.item_id or old.meeting_id is not new.meeting_id
   begin
     ${forgetMoved('minutes', (r) => `${r}.meeting_id || '/' || ${r}.item_id`)}
     ${upsert(`${itemEntry('new')} ${ofMeeting}`, ['part_two', 'title', 'text'])}
     ${decisionsFollow}
   end`,
  `create trigger search_decisions_au after update on decisions
     when old.text is not new.text or old.item_id is not new.item_id or old.decision_id is not new.decision_id or old.meeting_id is not new.meeting_id
   begin
     ${forgetMoved('decision', (r) => `${r}.meeting_id || '/' || ${r}.decision_id`)}
     ${upsert(`${decisionEntry('new')} ${ofMeeting}`, ['item_id', 'part_two', 'title', 'text'])}
   end`,
  `create trigger search_actions_au after update on actions
     when old.title is not new.title or old.description is not new.description or old.reference is not new.reference
       or old.latest_progress is not new.latest_progress or old.action_id is not new.action_id or old.body_id is not new.body_id
   begin
     ${forgetMoved('action', (r) => `${r}.body_id || '/' || ${r}.action_id`)}
     ${upsert(`${actionEntry('new')} where true`, ['title', 'text'])}
   end`,
  `create trigger search_escalations_au after update on escalations
     when old.summary is not new.summary or old.reason is not new.reason or old.answer is not new.answer
   begin
     ${upsert(`${escalationEntry('new')} where true`, ['title', 'text'])}
   end`,
];

/** Inserts the entry `select` makes, or updates `columns` of the one already there. (SQLite needs a WHERE in the select to parse the upsert.) */
function upsert(select: string, columns: string[]): string {
  return `${INTO} ${select} on conflict (kind, source_key) do update set ${columns.map((c) => `${c} = excluded.${c}`).join(', ')};`;
}

/** Removes the entry under its old key, when the row's key changed (a changed key is a new entry). */
function forgetMoved(kind: string, key: (row: 'old' | 'new') => string): string {
  return `delete from search_entries where kind = '${kind}' and source_key = ${key('old')} and (${key('old')}) is not (${key('new')});`;
}

const nameOf = (trigger: string) => /create trigger (\w+)/.exec(trigger)![1]!;

async function replaceTriggers(db: Kysely<any>, definitions: string[]): Promise<void> {
  for (const definition of definitions) {
    await sql.raw(`drop trigger if exists ${nameOf(definition)}`).execute(db);
    await sql.raw(definition).execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await replaceTriggers(db, triggers);
}

export async function down(db: Kysely<any>): Promise<void> {
  const replaced = new Set(triggers.map(nameOf));
  await replaceTriggers(db, [...entryTriggers, ...sourceTriggers].filter((definition) => replaced.has(nameOf(definition))));
}
