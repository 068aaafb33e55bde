import type { Db } from '../../db/database.js';

// Queries for the rituals a person chose (ritual_plans). Every function takes the person's id: a plan
// is its owner's alone, and no query here can reach anyone else's.

const PLAN_COLUMNS = ['id', 'user_id', 'ritual_id', 'schedule_json', 'commitment_id', 'created_at', 'updated_at'] as const;

export async function listPlans(db: Db, userId: string) {
  return db.selectFrom('ritual_plans').select(PLAN_COLUMNS).where('user_id', '=', userId).orderBy('created_at', 'asc').execute();
}

export type PlanRow = Awaited<ReturnType<typeof listPlans>>[number];

export async function findPlan(db: Db, userId: string, ritualId: string) {
  return db
    .selectFrom('ritual_plans')
    .select(PLAN_COLUMNS)
    .where('user_id', '=', userId)
    .where('ritual_id', '=', ritualId)
    .executeTakeFirst();
}

/** Saves my choice of a ritual: a new plan, or the same one with a new schedule and commitment. */
export async function savePlan(
  db: Db,
  row: { id: string; userId: string; ritualId: string; scheduleJson: string; commitmentId: string | null; at: string },
): Promise<void> {
  await db
    .insertInto('ritual_plans')
    .values({
      id: row.id,
      user_id: row.userId,
      ritual_id: row.ritualId,
      schedule_json: row.scheduleJson,
      commitment_id: row.commitmentId,
      created_at: row.at,
      updated_at: row.at,
    })
    .onConflict((oc) =>
      oc.columns(['user_id', 'ritual_id']).doUpdateSet({
        schedule_json: row.scheduleJson,
        commitment_id: row.commitmentId,
        updated_at: row.at,
      }),
    )
    .execute();
}

/** Records the commitment a plan became (when a partner joined). */
export async function setPlanCommitment(db: Db, userId: string, planId: string, commitmentId: string, at: string) {
  await db
    .updateTable('ritual_plans')
    .set({ commitment_id: commitmentId, updated_at: at })
    .where('id', '=', planId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deletePlan(db: Db, userId: string, ritualId: string): Promise<void> {
  await db.deleteFrom('ritual_plans').where('user_id', '=', userId).where('ritual_id', '=', ritualId).execute();
}
