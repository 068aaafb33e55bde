import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../domain/access-policy.js';
import type { Couple } from '../../domain/couple-items.js';
import { type PeriodRule, periodOf, SUMMARY_PERIOD } from '../../domain/periods.js';
import { type LocalDate, localDateOf } from '../../domain/zoned-time.js';
import { badInput } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import { timeZoneOf } from '../auth/users.read.js';
import { coupleAgreements } from '../needs/couple.read.js';
import { notesByMember } from './notes.js';
import { agreementEntries, figuresSection, namesOf } from './sections.js';
import { type ChoicesRow, choicesIn, findChoices, saveChoices } from './summary.repo.js';
import type { MySummary, Note, Part, SummaryView } from './summary.schema.js';

// The printable summary (decision 023). It is made of couple items only (through the owning features'
// published couple reads), and of each partner's own part, which appears only as that partner chose
// it: the notes they included (re-checked on every read, so a check-in made private since, or words
// that left the space, drop out) and their note for the session. A therapist's summary is the same,
// limited to the sections both partners included.

export const noteContext = (userId: string, spaceId: string) => ({
  table: 'summary_choices',
  column: 'note',
  rowId: `${userId}/${spaceId}`,
});

/**
 * The couple as the signed-in partner shares it now (just me while alone), its members in one order
 * whoever asks, so both partners read the same page.
 */
export function coupleOf(actor: Actor): Couple {
  const members = actor.partnerId ? [actor.userId, actor.partnerId].sort() : [actor.userId];
  return { spaceId: actor.spaceId, memberIds: members };
}

/** The period a query asks for, in local days of `zone` (the summary's rule unless another is given); 400 naming the field when it cannot be. */
export function periodIn(
  deps: AppDeps,
  zone: string,
  query: { from?: string | undefined; to?: string | undefined },
  rule: PeriodRule = SUMMARY_PERIOD,
): { from: LocalDate; to: LocalDate } {
  const result = periodOf(query, localDateOf(deps.clock.now(), zone), rule);
  if (!result.ok) throw badInput([{ path: result.field, message: result.problem }]);
  return { from: result.from, to: result.to };
}

function chosenIds(row: ChoicesRow | undefined): string[] {
  if (!row) return [];
  const parsed: unknown = JSON.parse(row.notes_json);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}

async function openNote(deps: AppDeps, row: ChoicesRow | undefined): Promise<string | null> {
  if (!row || row.note_sealed === null) return null;
  return deps.sealer.open(row.user_id, noteContext(row.user_id, row.space_id), row.note_sealed);
}

/** The notes a person chose that they can still include, in the order of their notes (newest first). */
const stillChosen = (notes: readonly Note[], ids: readonly string[]) => notes.filter((n) => ids.includes(n.id));

/** Each member's part, in the couple's order, leaving out a member who included nothing. */
async function partsOf(deps: AppDeps, couple: Couple, names: Map<string, string>): Promise<Part[]> {
  const [notes, rows] = await Promise.all([notesByMember(deps, couple), choicesIn(deps.db, couple.spaceId, couple.memberIds)]);
  const parts: Part[] = [];
  for (const id of couple.memberIds) {
    const row = rows.find((r) => r.user_id === id);
    const chosen = stillChosen(notes.get(id) ?? [], chosenIds(row));
    const note = await openNote(deps, row);
    if (chosen.length > 0 || note !== null) parts.push({ by: names.get(id) ?? '', notes: chosen, note });
  }
  return parts;
}

/**
 * The summary of a couple for a period (bounded by the caller). `include` says which shared sections
 * to show; each partner's own part is always as they chose it. Agreements reached after the period
 * (by the reader's `zone`) are left out: the page is about that period.
 */
export async function summaryOf(
  deps: AppDeps,
  couple: Couple,
  period: { from: LocalDate; to: LocalDate },
  include: { agreements: boolean; figures: boolean },
  zone: string,
): Promise<SummaryView> {
  const names = await namesOf(deps, couple);
  const needAgreements = include.agreements || include.figures;
  const { agreements, truncated } = needAgreements ? await coupleAgreements(deps, couple) : { agreements: [], truncated: false };
  const inPeriod = agreements.filter((a) => localDateOf(new Date(a.agreedAt), zone) <= period.to);
  return {
    from: period.from,
    to: period.to,
    names: couple.memberIds.map((id) => names.get(id) ?? ''),
    agreements: include.agreements ? { agreements: agreementEntries(inPeriod, names), truncated } : null,
    figures: include.figures ? await figuresSection(deps, couple, period, inPeriod, names, include.agreements) : null,
    parts: await partsOf(deps, couple, names),
    generatedAt: deps.clock.now().toISOString(),
  };
}

/** Our summary, for either of us: every section (both of us see all of it), and each of our chosen parts. */
export async function summaryForPartner(
  deps: AppDeps,
  actor: Actor,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<SummaryView> {
  const zone = await timeZoneOf(deps.db, actor.userId);
  const period = periodIn(deps, zone, query);
  return summaryOf(deps, coupleOf(actor), period, { agreements: true, figures: true }, zone);
}

/** My part: what I include, my note, and every note I could include. */
export async function mySummary(deps: AppDeps, actor: Actor): Promise<MySummary> {
  const couple = coupleOf(actor);
  const [notes, row] = await Promise.all([notesByMember(deps, couple), findChoices(deps.db, actor.userId, actor.spaceId)]);
  const mine = notes.get(actor.userId) ?? [];
  const ids = stillChosen(mine, chosenIds(row)).map((n) => n.id);
  return {
    notes: ids,
    note: await openNote(deps, row),
    candidates: mine.map((n) => ({ ...n, included: ids.includes(n.id) })),
    hasPartner: actor.partnerId !== null,
    updatedAt: row ? fromDbTime(row.updated_at).toISOString() : null,
  };
}

/** Chooses my part (the whole of it: sending the same again changes nothing but the time). */
export async function saveMySummary(
  deps: AppDeps,
  actor: Actor,
  body: { notes: string[]; note: string | null },
): Promise<MySummary> {
  const couple = coupleOf(actor);
  const mine = (await notesByMember(deps, couple)).get(actor.userId) ?? [];
  const known = new Set(mine.map((n) => n.id));
  const unknown = body.notes.findIndex((id) => !known.has(id));
  if (unknown >= 0) {
    throw badInput([
      {
        path: `notes.${unknown}`,
        message:
          'One of these is not something of yours your partner can see now, so it cannot be included. Please choose again.',
      },
    ]);
  }
  const now = deps.clock.now();
  const noteSealed =
    body.note === null ? null : await deps.sealer.seal(actor.userId, noteContext(actor.userId, actor.spaceId), body.note);
  await saveChoices(deps.db, {
    id: newId(now),
    userId: actor.userId,
    spaceId: actor.spaceId,
    notesJson: JSON.stringify(body.notes),
    noteSealed,
    at: toDbTime(now),
  });
  return mySummary(deps, actor);
}
