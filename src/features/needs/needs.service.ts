import type { AppDeps } from '../../deps.js';
import { type Actor, type AuthoredItem, canChangeItem, canSeeItem, decideItem } from '../../domain/access-policy.js';
import {
  isNeedState,
  isShared,
  NEED_CHANGED,
  NEED_LIMITS,
  type NeedAction,
  type NeedState,
  needRole,
  nextNeedState,
  waitingOn,
} from '../../domain/needs.js';
import { publishEvent } from '../../realtime/publish.js';
import { enforce } from '../../shared/enforce.js';
import { conflict, forbidden, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import { noticeNeed, withdrawNeedNotice } from '../notifications/notices.js';
import {
  type AgreementRow,
  agreementsForNeeds,
  deleteNeedWithNegotiation,
  findAgreement,
  findNeed,
  insertAgreement,
  insertNeed,
  insertResponse,
  latestProposal,
  listResponses,
  listVisibleNeeds,
  moveNeed,
  type NeedRow,
  type ResponseRow,
  updateNeedText,
} from './needs.repo.js';
import type { AgreementList, AgreementView, HistoryEntry, NeedList, NeedView, RespondBody } from './needs.schema.js';

// Step 3, Needs. A need is its author's item: private while a draft, 'couple' once shared. Every
// answer is a row of its own, written by the person who gave it and sealed under their key, and seen
// through the access policy on its own: after leaving, each keeps their own words and the other's
// leave their view. Deleting a need deletes its negotiation and agreement with it, for both
// (docs/decisions/009-needs-and-agreements.md).

export const needContext = (rowId: string) => ({ table: 'needs', column: 'text', rowId });
export const responseContext = (rowId: string) => ({ table: 'need_responses', column: 'text', rowId });

const needItem = (row: NeedRow): AuthoredItem => ({ authorId: row.author_id, spaceId: row.space_id, visibility: row.visibility });
// Answers exist only on shared needs, so they are always couple items of the space they were given in.
const responseItem = (row: ResponseRow): AuthoredItem => ({
  authorId: row.author_id,
  spaceId: row.space_id,
  visibility: 'couple',
});

const iso = (value: string) => fromDbTime(value).toISOString();
const isoOrNull = (value: string | null) => (value === null ? null : iso(value));

const stateOf = (row: NeedRow): NeedState => {
  if (!isNeedState(row.state)) throw new Error(`Unknown need state: ${row.state}`);
  return row.state;
};

const noPartner = () =>
  conflict('no_partner', 'Sharing waits until your partner has joined your space. This need stays here, just for you.');
const spaceClosed = () =>
  conflict(
    'space_closed',
    'This need was written in a space you no longer share, so it cannot be shared or answered any more. Your words are still here for you.',
  );
const movedOn = () =>
  conflict('not_now', 'That step is not open for this need right now. It may have changed a moment ago, so please look again.');
const wordingFixed = () =>
  conflict(
    'wording_fixed',
    'While a proposal is open, or once you have agreed, the wording stays as it is. You can answer the proposal, or write a new need.',
  );
const notLatest = () => conflict('not_latest', 'There is a newer proposal for this need. Please look at that one.');

/**
 * Tells open tabs that a need changed: its id and kind only, never words. Heard by whoever may see
 * the need as it now is (for a deleted one, as it was), through the access policy.
 */
async function announce(deps: AppDeps, need: AuthoredItem & { id: string }): Promise<void> {
  await publishEvent(deps, {
    kind: NEED_CHANGED,
    spaceId: need.spaceId,
    authorId: need.authorId,
    visibility: need.visibility,
    subjectId: need.id,
  });
}

/** Announces the need as it now is, and answers it so (undefined when it is gone). */
async function announceRow(deps: AppDeps, id: string): Promise<NeedRow | undefined> {
  const row = await findNeed(deps.db, id);
  if (row) await announce(deps, { id, ...needItem(row) });
  return row;
}

/** Tells whoever must answer the need now, from the need as it was just written. */
async function noticeWritten(deps: AppDeps, row: NeedRow | undefined): Promise<void> {
  if (row) await noticeNeed(deps, { id: row.id, ...needItem(row), state: row.state });
}

/** Turns the state machine's answer into a status: 403 for the other person's step, 409 for a closed one. */
function step(state: NeedState, action: NeedAction, role: 'author' | 'partner'): NeedState | 'deleted' {
  const outcome = nextNeedState(state, action, role);
  if (outcome.ok) return outcome.state;
  if (outcome.reason === 'not-your-part') {
    throw forbidden(
      role === 'author'
        ? 'This need is yours. Answering it is for your partner.'
        : 'This step is for the person who wrote the need, or it is waiting for their answer.',
    );
  }
  if (action === 'edit') throw wordingFixed();
  throw movedOn();
}

/** The need, if the actor may see it; 404 with the body of a missing one otherwise. */
async function visibleNeed(deps: AppDeps, actor: Actor, id: string, action: 'read' | 'change'): Promise<NeedRow> {
  const row = await findNeed(deps.db, id);
  enforce(decideItem(actor, row ? needItem(row) : undefined, action));
  if (!row) throw notFound();
  return row;
}

function roleOn(actor: Actor, row: NeedRow): 'author' | 'partner' {
  const role = needRole(actor, needItem(row));
  if (!role) throw notFound();
  return role;
}

async function openResponse(deps: AppDeps, actor: Actor, row: ResponseRow): Promise<HistoryEntry> {
  return {
    id: row.id,
    kind: row.kind as HistoryEntry['kind'],
    byMe: canChangeItem(actor, responseItem(row)),
    text: row.text_sealed === null ? null : await deps.sealer.open(row.author_id, responseContext(row.id), row.text_sealed),
    at: iso(row.created_at),
  };
}

/** Views of needs the actor may see, with the answers they may see, in two queries. */
async function viewsOf(deps: AppDeps, actor: Actor, rows: readonly NeedRow[]): Promise<NeedView[]> {
  const visible = rows.filter((r) => canSeeItem(actor, needItem(r)));
  const ids = visible.map((r) => r.id);
  const responses = (await listResponses(deps.db, ids)).filter((r) => canSeeItem(actor, responseItem(r)));
  const agreements = new Map((await agreementsForNeeds(deps.db, ids)).map((a) => [a.need_id, a.id]));
  const views: NeedView[] = [];
  for (const row of visible) {
    const role = roleOn(actor, row);
    const state = stateOf(row);
    const waiting = waitingOn(state);
    const history: HistoryEntry[] = [];
    for (const r of responses) if (r.need_id === row.id) history.push(await openResponse(deps, actor, r));
    views.push({
      id: row.id,
      mine: role === 'author',
      state,
      text: await deps.sealer.open(row.author_id, needContext(row.id), row.text_sealed),
      edited: row.edited_at !== null,
      editedAt: isoOrNull(row.edited_at),
      createdAt: iso(row.created_at),
      sharedAt: isoOrNull(row.shared_at),
      waitingOn: waiting === null ? null : waiting === role ? 'me' : 'partner',
      fromEarlierSpace: row.space_id !== actor.spaceId,
      history,
      agreementId: agreements.get(row.id) ?? null,
    });
  }
  return views;
}

async function viewOf(deps: AppDeps, actor: Actor, row: NeedRow): Promise<NeedView> {
  const [view] = await viewsOf(deps, actor, [row]);
  if (!view) throw notFound();
  return view;
}

async function reload(deps: AppDeps, actor: Actor, id: string): Promise<NeedView> {
  return viewOf(deps, actor, await visibleNeed(deps, actor, id, 'read'));
}

export async function listNeeds(deps: AppDeps, actor: Actor): Promise<NeedList> {
  const rows = await listVisibleNeeds(deps.db, actor.userId, actor.partnerId, actor.spaceId, NEED_LIMITS.list + 1);
  const needs = await viewsOf(deps, actor, rows.slice(0, NEED_LIMITS.list));
  return { needs, hasPartner: actor.partnerId !== null, truncated: rows.length > NEED_LIMITS.list };
}

export async function readNeed(deps: AppDeps, actor: Actor, id: string): Promise<NeedView> {
  return reload(deps, actor, id);
}

export async function createNeed(deps: AppDeps, actor: Actor, text: string): Promise<NeedView> {
  const now = deps.clock.now();
  const id = newId(now);
  const sealed = await deps.sealer.seal(actor.userId, needContext(id), text);
  await insertNeed(deps.db, { id, authorId: actor.userId, spaceId: actor.spaceId, textSealed: sealed, at: toDbTime(now) });
  await announceRow(deps, id);
  return reload(deps, actor, id);
}

/** The author changes their words; once shared, the change is marked as edited for both to see. */
export async function editNeed(deps: AppDeps, actor: Actor, id: string, text: string): Promise<NeedView> {
  const row = await visibleNeed(deps, actor, id, 'change');
  const state = stateOf(row);
  step(state, 'edit', roleOn(actor, row));
  const now = toDbTime(deps.clock.now());
  const sealed = await deps.sealer.seal(actor.userId, needContext(row.id), text);
  const editedAt = isShared(state) ? now : null;
  if (
    !(await updateNeedText(deps.db, { id: row.id, authorId: actor.userId, from: state, textSealed: sealed, editedAt, at: now }))
  )
    throw movedOn();
  await announceRow(deps, id);
  return reload(deps, actor, id);
}

export async function deleteNeed(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const row = await visibleNeed(deps, actor, id, 'change');
  step(stateOf(row), 'delete', roleOn(actor, row));
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteNeedWithNegotiation(trx, row.id, actor.userId))) throw notFound();
  });
  await announce(deps, { id: row.id, ...needItem(row) });
  await withdrawNeedNotice(deps, row.id);
}

/** Shares a draft (or a declined need again) with the partner in the space we share now. */
export async function shareNeed(deps: AppDeps, actor: Actor, id: string): Promise<NeedView> {
  const row = await visibleNeed(deps, actor, id, 'change');
  const state = stateOf(row);
  const to = step(state, 'share', roleOn(actor, row));
  if (to === 'deleted') throw movedOn();
  if (row.visibility === 'couple' && row.space_id !== actor.spaceId) throw spaceClosed();
  if (!actor.partnerId) throw noPartner();
  // A draft was never seen by anyone else, so it moves to the space the author is in now.
  const moved = await moveNeed(deps.db, {
    id: row.id,
    from: state,
    to,
    at: toDbTime(deps.clock.now()),
    share: { spaceId: actor.spaceId },
  });
  if (!moved) throw movedOn();
  await noticeWritten(deps, await announceRow(deps, id));
  return reload(deps, actor, id);
}

/** Answers only happen between the two people who share the need's space right now. */
function assertLiveSpace(actor: Actor, row: NeedRow): void {
  if (row.space_id !== actor.spaceId || actor.partnerId === null) throw spaceClosed();
}

/** The partner accepts, proposes other wording, or declines; the author may propose only in answer to a proposal. */
export async function respondToNeed(deps: AppDeps, actor: Actor, id: string, body: RespondBody): Promise<NeedView> {
  const row = await visibleNeed(deps, actor, id, 'read');
  const state = stateOf(row);
  const to = step(state, body.kind, roleOn(actor, row));
  if (to === 'deleted') throw movedOn();
  assertLiveSpace(actor, row);
  const now = deps.clock.now();
  const at = toDbTime(now);
  const responseId = newId(now);
  const words = body.kind === 'propose' ? body.text : body.kind === 'decline' ? body.reason : null;
  const sealed = words === null ? null : await deps.sealer.seal(actor.userId, responseContext(responseId), words);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await moveNeed(trx, { id: row.id, from: state, to, at }))) throw movedOn();
    const kind = body.kind === 'propose' ? 'proposal' : body.kind;
    await insertResponse(trx, {
      id: responseId,
      needId: row.id,
      authorId: actor.userId,
      spaceId: row.space_id,
      kind,
      textSealed: sealed,
      at,
    });
    if (to === 'agreed')
      await insertAgreement(trx, {
        id: newId(now),
        needId: row.id,
        spaceId: row.space_id,
        proposalId: null,
        agreedBy: actor.userId,
        at,
      });
  });
  await noticeWritten(deps, await announceRow(deps, id));
  return reload(deps, actor, id);
}

/** Accepts the latest proposal, made by the other person: the need becomes an agreement in those words. */
export async function acceptProposal(deps: AppDeps, actor: Actor, id: string, proposalId: string): Promise<NeedView> {
  const row = await visibleNeed(deps, actor, id, 'read');
  const latest = await latestProposal(deps.db, row.id);
  if (!latest || latest.id !== proposalId) {
    const older = (await listResponses(deps.db, [row.id])).find((r) => r.id === proposalId && r.kind === 'proposal');
    if (older && canSeeItem(actor, responseItem(older))) throw notLatest();
    throw notFound();
  }
  if (!canSeeItem(actor, responseItem(latest))) throw notFound();
  const state = stateOf(row);
  const to = step(state, 'accept-proposal', roleOn(actor, row));
  if (to === 'deleted') throw movedOn();
  assertLiveSpace(actor, row);
  const now = deps.clock.now();
  const at = toDbTime(now);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await moveNeed(trx, { id: row.id, from: state, to, at }))) throw movedOn();
    await insertResponse(trx, {
      id: newId(now),
      needId: row.id,
      authorId: actor.userId,
      spaceId: row.space_id,
      kind: 'accept',
      textSealed: null,
      at,
    });
    await insertAgreement(trx, {
      id: newId(now),
      needId: row.id,
      spaceId: row.space_id,
      proposalId: latest.id,
      agreedBy: actor.userId,
      at,
    });
  });
  // Agreed: it waits for no one now, so what told either of us it waited is read.
  await noticeWritten(deps, await announceRow(deps, id));
  return reload(deps, actor, id);
}

function agreementView(agreement: AgreementRow, need: NeedView): AgreementView {
  let wording: AgreementView['wording'];
  if (agreement.proposal_id === null) wording = { text: need.text, byMe: need.mine };
  else {
    const proposal = need.history.find((h) => h.id === agreement.proposal_id);
    wording = proposal?.text ? { text: proposal.text, byMe: proposal.byMe } : null;
  }
  return { id: agreement.id, needId: need.id, agreedAt: iso(agreement.agreed_at), wording, need };
}

export async function listAgreements(deps: AppDeps, actor: Actor): Promise<AgreementList> {
  const rows = await listVisibleNeeds(deps.db, actor.userId, actor.partnerId, actor.spaceId, NEED_LIMITS.list);
  const agreed = rows.filter((r) => r.state === 'agreed');
  const views = new Map((await viewsOf(deps, actor, agreed)).map((v) => [v.id, v]));
  const agreements = [];
  for (const a of await agreementsForNeeds(deps.db, [...views.keys()])) {
    const need = views.get(a.need_id);
    if (need) agreements.push(agreementView(a, need));
  }
  agreements.sort((x, y) => (x.agreedAt < y.agreedAt ? 1 : x.agreedAt > y.agreedAt ? -1 : 0));
  return { agreements };
}

export async function readAgreement(deps: AppDeps, actor: Actor, id: string): Promise<AgreementView> {
  const agreement = await findAgreement(deps.db, id);
  const need = agreement ? await findNeed(deps.db, agreement.need_id) : undefined;
  enforce(decideItem(actor, need ? needItem(need) : undefined, 'read'));
  if (!agreement || !need) throw notFound();
  return agreementView(agreement, await viewOf(deps, actor, need));
}
