import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Each person's computed home day is kept in memory until something in it changes (issue 15,
// decision 030). "Something changed" must hold across processes and for every writer (routes, the
// reminder worker, erasure, the CLI, a restore), so the database itself counts changes:
//
//   change_generations   one row per space: a number that grows with every write to the space's rows
//
// A trigger on every table a person's day can be read from bumps the number of the space the row
// belongs to (its space_id) and, for a row that names its person, the space that person is in now
// (for rows without a space, only that). A kept day records the number it was computed at and is
// used only while the number is unchanged.
//
// On PostgreSQL the bump is a deferred constraint trigger: it runs at COMMIT, after every other lock
// the transaction takes, so two transactions of one space can wait for each other's commit but never
// deadlock on the counter; the bump still commits atomically with the write it counts.
//
// Tables left out on purpose (tests/integration/home-day-cache.test.ts requires every table to be
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

/**
 * Tables whose rows carry their space, with the column naming the person whose row it is, if any. A
 * person's day reads some of their own rows by author alone (today's check-in, their pulses, whether
 * they began a step), wherever they were written: a change to one written in a space they have since
 * left must reach the space they are in now, so both are bumped.
 */
export const SPACE_TABLES = {
  acknowledgement_replies: 'author_id',
  acknowledgements: 'author_id',
  agreements: null,
  appreciations: 'author_id',
  bids: 'author_id',
  cause_sets: 'author_id',
  checkin_replies: 'author_id',
  checkins: 'author_id',
  closeness_answers: 'author_id',
  closeness_days: null,
  closeness_responses: 'author_id',
  closeness_seen: 'user_id',
  closeness_skips: 'user_id',
  closeness_themes: null,
  commitment_pauses: 'author_id',
  commitment_versions: 'author_id',
  commitments: 'author_id',
  conversation_turns: 'author_id',
  conversations: 'author_id',
  need_responses: 'author_id',
  needs: 'author_id',
  occurrence_acks: 'author_id',
  occurrence_marks: 'author_id',
  pulses: 'author_id',
  space_invites: null,
  space_members: 'user_id',
  summary_choices: 'user_id',
  talk_drafts: 'author_id',
  therapist_accesses: null,
} as const;

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

/** A counted table: the column naming its space, and the one naming the person whose row it is. */
type Counted = { table: string; spaceColumn: string | null; personColumn: string | null };

export function countedTables(): Counted[] {
  return [
    ...Object.entries(SPACE_TABLES).map(([table, personColumn]) => ({ table, spaceColumn: 'space_id', personColumn })),
    { table: 'spaces', spaceColumn: 'id', personColumn: null },
    ...Object.entries(PERSON_TABLES).map(([table, personColumn]) => ({ table, spaceColumn: null, personColumn })),
  ];
}

const BUMP = 'ON CONFLICT (scope) DO UPDATE SET generation = generation + 1';

/** SQLite: one trigger per table and operation; the row's space, and the person's current space when it is another. */
function sqliteTriggers({ table, spaceColumn, personColumn }: Counted): string[] {
  const bump = (row: 'NEW' | 'OLD', onlyIf: string) => {
    const statements: string[] = [];
    if (spaceColumn)
      statements.push(
        `INSERT INTO change_generations (scope, generation) SELECT ${row}."${spaceColumn}", 1 WHERE ${onlyIf} ${BUMP};`,
      );
    if (personColumn) {
      const other = spaceColumn ? ` AND space_id IS NOT ${row}."${spaceColumn}"` : '';
      statements.push(
        `INSERT INTO change_generations (scope, generation) SELECT space_id, 1 FROM space_members WHERE user_id = ${row}."${personColumn}" AND left_at IS NULL${other} AND ${onlyIf} ${BUMP};`,
      );
    }
    return statements.join(' ');
  };
  // An update that moves a row (another space or person) counts for where it was too.
  const moved = [spaceColumn, personColumn]
    .filter((c): c is string => c !== null)
    .map((c) => `OLD."${c}" IS NOT NEW."${c}"`)
    .join(' OR ');
  const name = (op: string) => `"${table}_counts_${op}"`;
  return [
    `CREATE TRIGGER ${name('insert')} AFTER INSERT ON "${table}" BEGIN ${bump('NEW', 'true')} END`,
    `CREATE TRIGGER ${name('update')} AFTER UPDATE ON "${table}" BEGIN ${bump('NEW', 'true')} ${bump('OLD', `(${moved})`)} END`,
    `CREATE TRIGGER ${name('delete')} AFTER DELETE ON "${table}" BEGIN ${bump('OLD', 'true')} END`,
  ];
}

const PG_FUNCTION = `
CREATE FUNCTION attune_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  space_col text := TG_ARGV[0];
  person_col text := TG_ARGV[1];
  rows_of jsonb[] := ARRAY[]::jsonb[];
  spaces text[] := ARRAY[]::text[];
  people text[] := ARRAY[]::text[];
  r jsonb;
BEGIN
  IF TG_OP <> 'DELETE' THEN rows_of := rows_of || to_jsonb(NEW); END IF;
  IF TG_OP <> 'INSERT' THEN rows_of := rows_of || to_jsonb(OLD); END IF;
  FOREACH r IN ARRAY rows_of LOOP
    IF space_col <> '' THEN spaces := spaces || (r ->> space_col); END IF;
    IF person_col <> '' THEN people := people || (r ->> person_col); END IF;
  END LOOP;
  INSERT INTO change_generations (scope, generation)
    SELECT touched.scope, 1 FROM (
      SELECT unnest(spaces) AS scope
      UNION
      SELECT m.space_id FROM space_members m WHERE m.user_id = ANY (people) AND m.left_at IS NULL
    ) AS touched
    WHERE touched.scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET generation = change_generations.generation + 1;
  RETURN NULL;
END $$`;

function pgTrigger({ table, spaceColumn, personColumn }: Counted): string {
  return `CREATE CONSTRAINT TRIGGER "${table}_counts" AFTER INSERT OR UPDATE OR DELETE ON "${table}"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION attune_count_change('${spaceColumn ?? ''}', '${personColumn ?? ''}')`;
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
