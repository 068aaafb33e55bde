import type { AppDeps } from '../../deps.js';
import { type Actor, type AuthoredItem, canSeeItem, decideItem, type Visibility } from '../../domain/access-policy.js';
import {
  isoWeekKey,
  mondayOfIsoWeek,
  PULSE_AREA_LABELS,
  PULSE_ITEMS,
  PULSE_PROMPT,
  PULSE_SCALE,
  type PulseAnswers,
  pulseAnswerProblems,
  pulseScore,
  pulseWeekAt,
} from '../../domain/pulse.js';
import { PULSE_CHANGED, PULSE_HISTORY_WEEKS, pulseEvent, pulseWritable, weeksEnding } from '../../domain/pulse-sharing.js';
import { addDays } from '../../domain/zoned-time.js';
import { publishEvent } from '../../realtime/publish.js';
import { enforce } from '../../shared/enforce.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import { timeZoneOf } from '../auth/users.read.js';
import {
  deletePulse,
  findPulse,
  findPulseOfWeek,
  insertPulse,
  type PulseRow,
  pulsesOf,
  sharedPulsesOf,
  updatePulse,
} from './pulse.repo.js';
import type { PulseOverview, PulseView } from './pulse.schema.js';

// The weekly trust pulse (docs/decisions: the trust pulse). A pulse is its author's item. The
// answers are theirs alone: no route ever sends them to anyone else. The score is private unless
// the author shares it ('couple'); then the partner sees the score, and only the score, while both
// share the space it was given in. A private pulse is invisible to the partner in every way: 404 like
// a missing one, absent from their lists, and no event they can hear. A week without a pulse is
// simply absent: nothing reminds anyone of it.

const pulseItem = (row: PulseRow): AuthoredItem => ({
  authorId: row.author_id,
  spaceId: row.space_id,
  visibility: row.visibility,
});

const iso = (value: string) => fromDbTime(value).toISOString();

const notThisWeek = () =>
  conflict(
    'not_this_week',
    'A pulse belongs to its own week, and only this week’s can be answered or changed. That week is not this one where you are now. This week’s pulse is open whenever you like.',
  );
const noPartner = () =>
  conflict(
    'no_partner',
    'Sharing your score waits until your partner has joined your space. You can keep this week’s pulse just for you in the meantime.',
  );
const tryAgain = () =>
  conflict('request_in_progress', 'The same pulse is still being saved. Please wait a moment and look again.');

/** This ISO week in the actor's own zone, read from their account. */
async function thisWeekOf(deps: AppDeps, userId: string): Promise<string> {
  const zone = await timeZoneOf(deps.db, userId);
  return pulseWeekAt(deps.clock.now(), zone);
}

function answersOf(row: PulseRow): Record<string, number> {
  const parsed = JSON.parse(row.answers_json) as Record<string, number>;
  return Object.fromEntries(PULSE_ITEMS.map((item) => [item.id, Number(parsed[item.id])]));
}

/** The author's own view of their pulse, answers included. Never call it for anyone else. */
function ownView(row: PulseRow, thisWeek: string): PulseView {
  return {
    id: row.id,
    week: row.week_key,
    weekStart: mondayOfIsoWeek(row.week_key),
    answers: answersOf(row),
    score: row.score,
    shared: row.visibility === 'couple',
    editable: pulseWritable(row.week_key, thisWeek),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

async function announce(deps: AppDeps, id: string, before: AuthoredItem | null, after: AuthoredItem | null): Promise<void> {
  await publishEvent(deps, { kind: PULSE_CHANGED, subjectId: id, ...pulseEvent(before, after) });
}

/** Everything the pulse screen needs: this week, the statements, my pulse, my history, my partner's shared scores. */
export async function pulseOverview(deps: AppDeps, actor: Actor): Promise<PulseOverview> {
  const week = await thisWeekOf(deps, actor.userId);
  const range = weeksEnding(week, PULSE_HISTORY_WEEKS);
  const mineRows = await pulsesOf(deps.db, actor.userId, range.from, range.to);
  // A partner a few hours ahead of me may already be in next week: their range reaches one week further.
  const partnerTo = isoWeekKey(addDays(mondayOfIsoWeek(week), 7));
  const theirs = actor.partnerId
    ? (await sharedPulsesOf(deps.db, { partnerId: actor.partnerId, spaceId: actor.spaceId }, range.from, partnerTo)).filter((r) =>
        canSeeItem(actor, pulseItem(r)),
      )
    : [];
  const current = mineRows.find((r) => r.week_key === week);
  return {
    week,
    weekStart: mondayOfIsoWeek(week),
    prompt: PULSE_PROMPT,
    scale: { ...PULSE_SCALE },
    items: PULSE_ITEMS.map((item) => ({
      id: item.id,
      area: item.area,
      areaLabel: PULSE_AREA_LABELS[item.area],
      text: item.text,
    })),
    mine: current ? ownView(current, week) : null,
    history: mineRows
      .map((r) => ({
        id: r.id,
        week: r.week_key,
        weekStart: mondayOfIsoWeek(r.week_key),
        score: r.score,
        shared: r.visibility === 'couple',
      }))
      .reverse(),
    partnerShared: theirs.map((r) => ({ week: r.week_key, weekStart: mondayOfIsoWeek(r.week_key), score: r.score })).reverse(),
    hasPartner: actor.partnerId !== null,
  };
}

/**
 * Answers or re-answers this week's pulse. Only this week (in my zone) can be written. A pulse
 * rewritten after I joined or left a space moves with me to the space I am in now.
 */
export async function savePulse(
  deps: AppDeps,
  actor: Actor,
  week: string,
  body: { answers: Record<string, unknown>; shared?: boolean | undefined },
): Promise<PulseView> {
  const thisWeek = await thisWeekOf(deps, actor.userId);
  if (!pulseWritable(week, thisWeek)) throw notThisWeek();
  const problems = pulseAnswerProblems(body.answers);
  if (problems.length > 0) {
    throw badInput(problems.map((p) => ({ path: p.item ? `answers.${p.item}` : 'answers', message: p.message })));
  }
  const answers = body.answers as PulseAnswers;
  const score = pulseScore(answers);
  // Stored in the domain's item order, so the JSON is the same whatever order the answers came in.
  const answersJson = JSON.stringify(Object.fromEntries(PULSE_ITEMS.map((item) => [item.id, answers[item.id]])));

  // Two tries: a concurrent first write of the same week makes the second one an update.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const existing = await findPulseOfWeek(deps.db, actor.userId, week);
    // Omitted: as this week's was, while the partner it was shared with is still the one to share
    // with (same space); otherwise private: a score shared with a former partner is not passed on.
    const kept =
      existing?.visibility === 'couple' && existing.space_id === actor.spaceId && actor.partnerId !== null ? 'couple' : 'private';
    const visibility: Visibility = body.shared === undefined ? kept : body.shared ? 'couple' : 'private';
    if (visibility === 'couple' && actor.partnerId === null) throw noPartner();
    const now = deps.clock.now();
    const at = toDbTime(now);
    const id = existing?.id ?? newId(now);
    const values = { spaceId: actor.spaceId, visibility, answersJson, score };
    const saved = await deps.db
      .transaction()
      .execute((trx) =>
        existing
          ? updatePulse(trx, { ...values, id, authorId: actor.userId, at })
          : insertPulse(trx, { ...values, id, authorId: actor.userId, weekKey: week, at }),
      );
    if (!saved) continue;
    const row = await findPulse(deps.db, id);
    if (!row) continue;
    await announce(deps, id, existing ? pulseItem(existing) : null, pulseItem(row));
    return ownView(row, thisWeek);
  }
  throw tryAgain();
}

/** Deletes one of my own pulses, of any week. The partner gets 404 for a private one, 403 for a shared one. */
export async function removePulse(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const row = await findPulse(deps.db, id);
  enforce(decideItem(actor, row ? pulseItem(row) : undefined, 'change'));
  if (!row) throw notFound();
  const deleted = await deps.db.transaction().execute((trx) => deletePulse(trx, row.id, actor.userId));
  if (!deleted) throw notFound();
  await announce(deps, row.id, pulseItem(row), null);
}
