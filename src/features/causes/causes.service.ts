import type { AppDeps } from '../../deps.js';
import { type Actor, canSeeItem, decideItem } from '../../domain/access-policy.js';
import { bothRevealed, compareCauses } from '../../domain/causes.js';
import { publishEvent } from '../../realtime/publish.js';
import { enforce } from '../../shared/enforce.js';
import { conflict } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import {
  type CauseSetRow,
  deleteUnrevealedSet,
  findEarlierSets,
  findSet,
  insertSet,
  markRevealed,
  saveUnderstanding,
  updateUnrevealedMarks,
} from './causes.repo.js';
import type { CausesView, MarkSet } from './causes.schema.js';

// Step 2, Why. Rule of this feature: before I reveal, nothing my partner can fetch depends on
// whether or what I marked. My set is a 'private' item until I reveal, so the access policy hides
// it from my partner entirely; once revealed it is a 'couple' item, so they may see that I have
// revealed, and (a rule of this step, on top of the policy) what, only once they have revealed too.
//
// Revealed marks are locked: the comparison each partner saw stays true. What either of us comes
// to think later goes into our own part of the shared understanding, which stays editable.
// Leaving the space leaves each person's set in that space: they still see it (under `earlier`),
// the other no longer can.

export const marksContext = (rowId: string) => ({ table: 'cause_sets', column: 'marks', rowId });
export const understandingContext = (rowId: string) => ({ table: 'cause_sets', column: 'understanding', rowId });

const EMPTY: MarkSet = { causes: [], ownWords: [] };

const alreadyRevealed = () =>
  conflict(
    'already_revealed',
    'You have already shared these, so they stay as they are. You can add your thoughts to the shared understanding.',
  );
const noPartner = () =>
  conflict('no_partner', 'Sharing waits until your partner has joined your space. What you marked stays here, just for you.');
const nothingMarked = () => conflict('nothing_marked', 'Please mark at least one thing before you share.');
const notBothRevealed = () =>
  conflict('not_both_revealed', 'The shared understanding opens once you have both shared what you marked.');

const asItem = (row: CauseSetRow) => ({ authorId: row.author_id, spaceId: row.space_id, visibility: row.visibility });

async function openMarks(deps: AppDeps, row: CauseSetRow): Promise<MarkSet> {
  return JSON.parse(await deps.sealer.open(row.author_id, marksContext(row.id), row.marks_sealed)) as MarkSet;
}

async function openUnderstanding(deps: AppDeps, row: CauseSetRow): Promise<string | null> {
  if (row.understanding_sealed === null) return null;
  return deps.sealer.open(row.author_id, understandingContext(row.id), row.understanding_sealed);
}

const isoOrNull = (value: string | null) => (value === null ? null : fromDbTime(value).toISOString());

/** The partner's set, only if the access policy lets me see it (that is, they revealed it in this space). */
async function visiblePartnerSet(deps: AppDeps, actor: Actor): Promise<CauseSetRow | undefined> {
  if (!actor.partnerId) return undefined;
  const row = await findSet(deps.db, actor.partnerId, actor.spaceId);
  return row && canSeeItem(actor, asItem(row)) && row.revealed_at !== null ? row : undefined;
}

export async function readCauses(deps: AppDeps, actor: Actor): Promise<CausesView> {
  const mine = await findSet(deps.db, actor.userId, actor.spaceId);
  if (mine) enforce(decideItem(actor, asItem(mine), 'read'));
  const theirs = await visiblePartnerSet(deps, actor);
  const meRevealed = mine?.revealed_at != null;
  const both = bothRevealed(meRevealed, theirs !== undefined);
  const myMarks = mine ? await openMarks(deps, mine) : EMPTY;
  const theirMarks = both && theirs ? await openMarks(deps, theirs) : null;
  const earlier = [];
  for (const row of await findEarlierSets(deps.db, actor.userId, actor.spaceId)) {
    enforce(decideItem(actor, asItem(row), 'read'));
    earlier.push({
      marks: await openMarks(deps, row),
      revealedAt: isoOrNull(row.revealed_at),
      understanding: await openUnderstanding(deps, row),
    });
  }
  return {
    hasPartner: actor.partnerId !== null,
    mine: { marks: myMarks, revealed: meRevealed, revealedAt: isoOrNull(mine?.revealed_at ?? null) },
    partner: { revealed: theirs !== undefined, marks: theirMarks },
    comparison: theirMarks
      ? compareCauses(
          myMarks.causes.map((m) => m.id),
          theirMarks.causes.map((m) => m.id),
        )
      : null,
    understanding: {
      mine: mine ? await openUnderstanding(deps, mine) : null,
      theirs: both && theirs ? await openUnderstanding(deps, theirs) : null,
    },
    earlier,
  };
}

/** Replaces my marks while they are still mine alone. */
export async function replaceMarks(deps: AppDeps, actor: Actor, marks: MarkSet): Promise<CausesView> {
  const now = deps.clock.now();
  const at = toDbTime(now);
  const clean: MarkSet = {
    causes: marks.causes.map((m) => ({ id: m.id, note: m.note })),
    ownWords: marks.ownWords.map((m) => ({ text: m.text, note: m.note })),
  };
  const plain = JSON.stringify(clean);
  // Two tries: a set made a moment ago by another tab is then updated instead.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const existing = await findSet(deps.db, actor.userId, actor.spaceId);
    if (!existing) {
      const id = newId(now);
      const sealed = await deps.sealer.seal(actor.userId, marksContext(id), plain);
      if (await insertSet(deps.db, { id, authorId: actor.userId, spaceId: actor.spaceId, marksSealed: sealed, at })) break;
      continue;
    }
    enforce(decideItem(actor, asItem(existing), 'change'));
    if (existing.revealed_at !== null) throw alreadyRevealed();
    const sealed = await deps.sealer.seal(actor.userId, marksContext(existing.id), plain);
    if (!(await updateUnrevealedMarks(deps.db, existing.id, actor.userId, sealed, at))) throw alreadyRevealed();
    break;
  }
  return readCauses(deps, actor);
}

export async function revealCauses(deps: AppDeps, actor: Actor): Promise<CausesView> {
  const mine = await findSet(deps.db, actor.userId, actor.spaceId);
  if (mine) enforce(decideItem(actor, asItem(mine), 'change'));
  if (mine?.revealed_at != null) return readCauses(deps, actor);
  if (!mine) throw nothingMarked();
  const marks = await openMarks(deps, mine);
  if (marks.causes.length + marks.ownWords.length === 0) throw nothingMarked();
  if (!actor.partnerId) throw noPartner();
  await markRevealed(deps.db, mine.id, actor.userId, toDbTime(deps.clock.now()));
  await announce(deps, actor, mine.id);
  return readCauses(deps, actor);
}

/** Writes (or, with empty text, clears) my own part of the shared understanding. */
export async function writeUnderstanding(deps: AppDeps, actor: Actor, text: string): Promise<CausesView> {
  const mine = await findSet(deps.db, actor.userId, actor.spaceId);
  if (mine) enforce(decideItem(actor, asItem(mine), 'change'));
  const theirs = await visiblePartnerSet(deps, actor);
  if (!mine || !bothRevealed(mine.revealed_at !== null, theirs !== undefined)) throw notBothRevealed();
  const sealed = text === '' ? null : await deps.sealer.seal(actor.userId, understandingContext(mine.id), text);
  await saveUnderstanding(deps.db, mine.id, actor.userId, sealed, toDbTime(deps.clock.now()));
  await announce(deps, actor, mine.id);
  return readCauses(deps, actor);
}

/**
 * Only shared changes are announced (a reveal, a part of the shared understanding): a partner's
 * stream must never hint that unrevealed marks changed, so private edits send nothing at all.
 */
async function announce(deps: AppDeps, actor: Actor, setId: string): Promise<void> {
  await publishEvent(deps, {
    kind: 'causes.changed',
    spaceId: actor.spaceId,
    authorId: actor.userId,
    visibility: 'couple',
    subjectId: setId,
  });
}

/** Forgets my marks while they are still mine alone; nothing to forget is fine too. */
export async function forgetMarks(deps: AppDeps, actor: Actor): Promise<void> {
  const mine = await findSet(deps.db, actor.userId, actor.spaceId);
  if (!mine) return;
  enforce(decideItem(actor, asItem(mine), 'change'));
  if (mine.revealed_at !== null) throw alreadyRevealed();
  if (!(await deleteUnrevealedSet(deps.db, mine.id, actor.userId))) throw alreadyRevealed();
}
