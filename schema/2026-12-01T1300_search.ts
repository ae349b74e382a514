import { sql, type Kysely } from 'kysely';

/**
 * Search across agenda items' minutes, decisions, actions and escalations.
 * `search_entries` holds one row per searchable record with what the rights
 * need (kind, body, meeting, Part II) and the text; `search_text` is an FTS5
 * index over its title and text, and its kind (so the few escalations can be
 * found without walking every match). SQL triggers keep both up to date from the
 * tables the projections already write, so no projection code knows of search.
 */
export const entryTriggers = [
  // The FTS index follows search_entries (external content, keyed by its id).
  `create trigger search_entries_ai after insert on search_entries begin
     insert into search_text (rowid, title, text, kind) values (new.id, new.title, new.text, new.kind);
   end`,
  `create trigger search_entries_ad after delete on search_entries begin
     insert into search_text (search_text, rowid, title, text, kind) values ('delete', old.id, old.title, old.text, old.kind);
   end`,
  `create trigger search_entries_au after update on search_entries begin
     insert into search_text (search_text, rowid, title, text, kind) values ('delete', old.id, old.title, old.text, old.kind);
     insert into search_text (rowid, title, text, kind) values (new.id, new.title, new.text, new.kind);
   end`,
];

export const INTO = 'insert into search_entries (kind, source_key, body_id, meeting_id, item_id, part_two, record_id, title, text, date)';

/** Each kind's entry, selected from its row `r` (NEW in a trigger, the table's alias when backfilling); meetings are `m`. */
export const itemEntry = (r: string) => `select 'minutes', ${r}.meeting_id || '/' || ${r}.item_id, m.body_id, ${r}.meeting_id, ${r}.item_id,
  ${r}.part_two, ${r}.item_id, ${r}.title, ${r}.minutes, m.starts_at`;

const itemOf = (r: string, column: string) =>
  `(select ${column} from agenda_items i where i.meeting_id = ${r}.meeting_id and i.item_id = ${r}.item_id)`;

export const decisionEntry = (r: string) => `select 'decision', ${r}.meeting_id || '/' || ${r}.decision_id, m.body_id, ${r}.meeting_id, ${r}.item_id,
  coalesce(${itemOf(r, 'part_two')}, 1), ${r}.decision_id, coalesce(${itemOf(r, 'title')}, ''), ${r}.text, m.starts_at`;

export const actionEntry = (r: string) => `select 'action', ${r}.body_id || '/' || ${r}.action_id, ${r}.body_id, null, null, 0, ${r}.action_id,
  ${r}.title, trim(coalesce(${r}.reference, '') || ' ' || ${r}.description || ' ' || coalesce(${r}.latest_progress, '')), ${r}.created_at`;

export const escalationEntry = (r: string) => `select 'escalation', cast(${r}.id as text), ${r}.to_body_id, null, null, 0, cast(${r}.id as text),
  ${r}.summary, trim(${r}.reason || ' ' || coalesce(${r}.answer, '')), ${r}.raised_at`;

export const ofMeeting = 'from meetings m where m.id = new.meeting_id';
const insertItem = `${INTO} ${itemEntry('new')} ${ofMeeting};`;
const insertDecision = `${INTO} ${decisionEntry('new')} ${ofMeeting};`;
const insertAction = `${INTO} ${actionEntry('new')};`;
const insertEscalation = `${INTO} ${escalationEntry('new')};`;

// A decision is as Part II as its item, whichever the projection wrote first.
const decisionsFollow = `update search_entries set part_two = new.part_two, title = new.title
  where kind = 'decision' and meeting_id = new.meeting_id and item_id = new.item_id;`;

const forget = (kind: string, key: string) => `delete from search_entries where kind = '${kind}' and source_key = ${key};`;

export const sourceTriggers = [
  `create trigger search_agenda_items_ai after insert on agenda_items begin ${insertItem} ${decisionsFollow} end`,
  `create trigger search_agenda_items_ad after delete on agenda_items begin ${forget('minutes', "old.meeting_id || '/' || old.item_id")} end`,
  `create trigger search_agenda_items_au after update on agenda_items
     when old.title is not new.title or old.minutes is not new.minutes or old.part_two is not new.part_two or old.item_id is not new.item_id
   begin
     ${forget('minutes', "old.meeting_id || '/' || old.item_id")}
     ${insertItem}
     ${decisionsFollow}
   end`,
  `create trigger search_decisions_ai after insert on decisions begin ${insertDecision} end`,
  `create trigger search_decisions_ad after delete on decisions begin ${forget('decision', "old.meeting_id || '/' || old.decision_id")} end`,
  `create trigger search_decisions_au after update on decisions
     when old.text is not new.text or old.item_id is not new.item_id or old.decision_id is not new.decision_id
   begin
     ${forget('decision', "old.meeting_id || '/' || old.decision_id")}
     ${insertDecision}
   end`,
  `create trigger search_meetings_au after update of starts_at on meetings when old.starts_at is not new.starts_at begin
     update search_entries set date = new.starts_at where meeting_id = new.id;
   end`,
  `create trigger search_actions_ai after insert on actions begin ${insertAction} end`,
  `create trigger search_actions_ad after delete on actions begin ${forget('action', "old.body_id || '/' || old.action_id")} end`,
  `create trigger search_actions_au after update on actions
     when old.title is not new.title or old.description is not new.description or old.reference is not new.reference
       or old.latest_progress is not new.latest_progress or old.action_id is not new.action_id or old.body_id is not new.body_id
   begin
     ${forget('action', "old.body_id || '/' || old.action_id")}
     ${insertAction}
   end`,
  `create trigger search_escalations_ai after insert on escalations begin ${insertEscalation} end`,
  `create trigger search_escalations_ad after delete on escalations begin ${forget('escalation', 'cast(old.id as text)')} end`,
  `create trigger search_escalations_au after update on escalations
     when old.summary is not new.summary or old.reason is not new.reason or old.answer is not new.answer
   begin
     ${forget('escalation', 'cast(old.id as text)')}
     ${insertEscalation}
   end`,
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_entries')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('source_key', 'text', (col) => col.notNull())
    .addColumn('body_id', 'integer', (col) => col.notNull())
    .addColumn('meeting_id', 'integer')
    .addColumn('item_id', 'text')
    .addColumn('part_two', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('record_id', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('date', 'text', (col) => col.notNull())
    .addUniqueConstraint('search_entries_source', ['kind', 'source_key'])
    .execute();
  await db.schema.createIndex('search_entries_meeting').on('search_entries').columns(['meeting_id', 'item_id']).execute();
  await sql`create virtual table search_text using fts5(
    title, text, kind, content = 'search_entries', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2'
  )`.execute(db);
  for (const trigger of entryTriggers) await sql.raw(trigger).execute(db);

  // Backfill what is already there, then keep it up to date.
  await sql.raw(`${INTO} ${itemEntry('a')} from agenda_items a join meetings m on m.id = a.meeting_id`).execute(db);
  await sql.raw(`${INTO} ${decisionEntry('d')} from decisions d join meetings m on m.id = d.meeting_id`).execute(db);
  await sql.raw(`${INTO} ${actionEntry('a')} from actions a`).execute(db);
  await sql.raw(`${INTO} ${escalationEntry('e')} from escalations e`).execute(db);
  for (const trigger of sourceTriggers) await sql.raw(trigger).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of [...sourceTriggers, ...entryTriggers]) {
    const name = /create trigger (\w+)/.exec(trigger)![1]!;
    await sql.raw(`drop trigger if exists ${name}`).execute(db);
  }
  await sql`drop table if exists search_text`.execute(db);
  await db.schema.dropTable('search_entries').ifExists().execute();
}
