import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Each person's computed home day is kept in memory until something in it changes (issue 15,
// decision 030). "Something changed" must hold across processes and for every writer (routes, the
// reminder worker, erasure, the CLI, a restore), so the database itself counts changes:
//
//   change_generations   one row per space: a number that grows with every write to the space's rows
//
// A trigger on every table a person's day can be read from bumps the number of the space the row
// belongs to (its space_id; for a person's own rows without one, the space they are in now). A
// cached day records the number it was computed at and is used only while the number is unchanged.
//
// On PostgreSQL the bump is a deferred constraint trigger: it runs at COMMIT, after every other lock
// the transaction takes, so two transactions of one space can wait for each other's commit but never
// deadlock on the counter; the bump still commits atomically with the write it counts.
//
// Tables left out on purpose (tests/integration/change-generations.test.ts requires every table to be
// in one list or the other): rows a person's day never shows, written on hot paths.
export const UNCOUNTED_TABLES = [
  'change_generations',
  'event_sequence',
  'events', // written with the rows it announces; those rows are counted
  'idempotency_keys',
  'known_devices',
  'kysely_migration',
  'kysely_migration_lock',
  'notifications', // not part of the day; written on nearly every partner action
  'passkeys',
  'password_resets',
  'push_subscriptions',
  'rate_limit_hits',
  'reminders', // sending a reminder changes nothing on the home screen
  'sessions', // touched hourly; who is signed in is checked on every request anyway
  'therapist_access_log',
  'webauthn_challenges',
] as const;

/** Tables whose rows carry their space. */
export const SPACE_TABLES = [
  'acknowledgement_replies',
  'acknowledgements',
  'agreements',
  'appreciations',
  'bids',
  'cause_sets',
  'checkin_replies',
  'checkins',
  'closeness_answers',
  'closeness_days',
  'closeness_responses',
  'closeness_seen',
  'closeness_skips',
  'closeness_themes',
  'commitment_pauses',
  'commitment_versions',
  'commitments',
  'conversation_turns',
  'conversations',
  'need_responses',
  'needs',
  'occurrence_acks',
  'occurrence_marks',
  'pulses',
  'space_invites',
  'space_members',
  'summary_choices',
  'talk_drafts',
  'therapist_accesses',
] as const;

/** Tables of a person's own rows, with the column naming the person: the space they are in now is bumped. */
export const PERSON_TABLES = {
  calendar_feeds: 'user_id',
  checkin_preferences: 'user_id',
  erased_people: 'user_id',
  journal_entries: 'user_id',
  notification_preferences: 'user_id',
  person_preferences: 'user_id',
  reminder_plans: 'user_id',
  ritual_plans: 'user_id',
  safety_checks: 'user_id',
  self_checks: 'author_id',
  space_notices: 'user_id',
  therapist_consents: 'user_id',
  users: 'id',
} as const;

const isPostgres = (db: Kysely<unknown>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

type Counted = { table: string; kind: 'space' | 'person'; column: string };

export function countedTables(): Counted[] {
  return [
    ...SPACE_TABLES.map((table) => ({ table, kind: 'space' as const, column: 'space_id' })),
    { table: 'spaces', kind: 'space', column: 'id' },
    ...Object.entries(PERSON_TABLES).map(([table, column]) => ({ table, kind: 'person' as const, column })),
  ];
}

const BUMP = 'ON CONFLICT (scope) DO UPDATE SET generation = generation + 1';

/** SQLite: one trigger per table and operation; the row's space, or the person's current space. */
function sqliteTriggers({ table, kind, column }: Counted): string[] {
  const bump = (row: 'NEW' | 'OLD', onlyIf = 'true') =>
    kind === 'space'
      ? `INSERT INTO change_generations (scope, generation) SELECT ${row}."${column}", 1 WHERE ${onlyIf} ${BUMP};`
      : `INSERT INTO change_generations (scope, generation) SELECT space_id, 1 FROM space_members WHERE user_id = ${row}."${column}" AND left_at IS NULL AND ${onlyIf} ${BUMP};`;
  const name = (op: string) => `"${table}_counts_${op}"`;
  return [
    `CREATE TRIGGER ${name('insert')} AFTER INSERT ON "${table}" BEGIN ${bump('NEW')} END`,
    `CREATE TRIGGER ${name('update')} AFTER UPDATE ON "${table}" BEGIN ${bump('NEW')} ${bump('OLD', `OLD."${column}" IS NOT NEW."${column}"`)} END`,
    `CREATE TRIGGER ${name('delete')} AFTER DELETE ON "${table}" BEGIN ${bump('OLD')} END`,
  ];
}

const PG_FUNCTION = `
CREATE FUNCTION attune_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text := TG_ARGV[0];
  col text := TG_ARGV[1];
  ids text[] := ARRAY[]::text[];
BEGIN
  IF TG_OP <> 'DELETE' THEN ids := ids || (to_jsonb(NEW) ->> col); END IF;
  IF TG_OP <> 'INSERT' THEN ids := ids || (to_jsonb(OLD) ->> col); END IF;
  IF kind = 'person' THEN
    INSERT INTO change_generations (scope, generation)
      SELECT DISTINCT m.space_id, 1 FROM space_members m WHERE m.user_id = ANY (ids) AND m.left_at IS NULL
    ON CONFLICT (scope) DO UPDATE SET generation = change_generations.generation + 1;
  ELSE
    INSERT INTO change_generations (scope, generation)
      SELECT DISTINCT s, 1 FROM unnest(ids) AS s WHERE s IS NOT NULL
    ON CONFLICT (scope) DO UPDATE SET generation = change_generations.generation + 1;
  END IF;
  RETURN NULL;
END $$`;

function pgTrigger({ table, kind, column }: Counted): string {
  return `CREATE CONSTRAINT TRIGGER "${table}_counts" AFTER INSERT OR UPDATE OR DELETE ON "${table}"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION attune_count_change('${kind}', '${column}')`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = isPostgres(db);
  await db.schema
    .createTable('change_generations')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('generation', postgres ? 'bigint' : 'integer', (c) => c.notNull())
    .execute();
  if (postgres) await sql.raw(PG_FUNCTION).execute(db);
  for (const counted of countedTables()) {
    const statements = postgres ? [pgTrigger(counted)] : sqliteTriggers(counted);
    for (const statement of statements) await sql.raw(statement).execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
