import type { AppDeps } from '../../deps.js';
import {
  type Actor,
  type AuthoredItem,
  canChangeItem,
  canSeeItem,
  canSeeShell,
  decideShell,
} from '../../domain/access-policy.js';
import {
  CONVERSATION_CHANGED,
  type ConversationMode,
  conversationSeat,
  initialTurnState,
  nextTurnState,
  otherSeat,
  parseTurnState,
  type Seat,
  SUGGESTED_BREAK_MINUTES,
  TALK_LIMITS,
  type TalkAction,
  type TurnState,
  turnSeat,
  whoseTurn,
} from '../../domain/conversation.js';
import { publishEvent } from '../../realtime/publish.js';
import { enforce } from '../../shared/enforce.js';
import { conflict, forbidden, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import { concernFor } from '../safety/safety.service.js';
import {
  type ConversationRow,
  countFinishedConversations,
  findConversation,
  insertConversation,
  listVisibleConversations,
  moveConversation,
} from './conversations.repo.js';
import type { ConversationList, ConversationSummary, ConversationView, TurnView } from './conversations.schema.js';
import { insertTurn, listContributors, listTurns, type TurnRow } from './turns.repo.js';

// Step 1, Talk. A conversation row holds only whose turn it is; the words are turns, one row each,
// with one author (whose words they are) sealed under that author's key, and each turn is seen
// through the access policy on its own. Turn-taking comes from the pure state machine in
// domain/conversation.ts: the other person's step is 403, a step no one can take now is 409.

export const turnContext = (rowId: string) => ({ table: 'conversation_turns', column: 'text', rowId });

export const conversationItem = (row: ConversationRow): AuthoredItem => ({
  authorId: row.author_id,
  spaceId: row.space_id,
  visibility: row.visibility,
});
const turnItem = (row: TurnRow): AuthoredItem => ({ authorId: row.author_id, spaceId: row.space_id, visibility: row.visibility });

const iso = (value: string) => fromDbTime(value).toISOString();
const modeOf = (row: ConversationRow) => row.mode as ConversationMode;
const stateOf = (row: ConversationRow): TurnState => parseTurnState(JSON.parse(row.state_json));

const noPartner = () =>
  conflict(
    'no_partner',
    'Talking together waits until your partner has joined your space. You can prepare here, or record a conversation you had in person.',
  );
const movedOn = () =>
  conflict(
    'not_now',
    'That step is not open in this conversation right now. It may have changed a moment ago, so please look again.',
  );

/** Tells both partners' open tabs that the conversation changed: its id only, never words. */
export async function announce(deps: AppDeps, row: ConversationRow): Promise<void> {
  await publishEvent(deps, {
    kind: CONVERSATION_CHANGED,
    spaceId: row.space_id,
    authorId: row.author_id,
    visibility: row.visibility,
    subjectId: row.id,
  });
}

/** Who wrote turns in a conversation: after leaving, each keeps the shell around their own words. */
async function contributorsOf(deps: AppDeps, id: string): Promise<string[]> {
  return (await listContributors(deps.db, [id])).map((r) => r.author_id);
}

/** The conversation, if the actor may see it; 404 with the body of a missing one otherwise. */
export async function visibleConversation(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<{ row: ConversationRow; seat: Seat }> {
  const row = await findConversation(deps.db, id);
  const contributors = row ? await contributorsOf(deps, row.id) : [];
  enforce(decideShell(actor, row ? conversationItem(row) : undefined, contributors));
  const seat = row ? conversationSeat(actor, conversationItem(row), contributors) : null;
  if (!row || !seat) throw notFound();
  return { row, seat };
}

/** No longer shared by both (one of us left the space it was held in): nothing more can happen in it. */
const spaceClosedFor = (actor: Actor, row: ConversationRow) => actor.partnerId === null || row.space_id !== actor.spaceId;

function summaryOf(actor: Actor, row: ConversationRow): ConversationSummary {
  const state = stateOf(row);
  return {
    id: row.id,
    mode: modeOf(row),
    phase: state.phase,
    startedByMe: canChangeItem(actor, conversationItem(row)),
    rounds: state.rounds,
    heldOn: row.held_on,
    startedAt: iso(row.created_at),
    endedAt: row.ended_at === null ? null : iso(row.ended_at),
    closedBySpace: state.phase !== 'ended' && modeOf(row) !== 'in-person' && spaceClosedFor(actor, row),
  };
}

async function turnView(deps: AppDeps, actor: Actor, row: TurnRow): Promise<TurnView> {
  const oneDevice = row.recorded_by !== row.author_id;
  return {
    id: row.id,
    kind: row.kind as TurnView['kind'],
    byMe: row.author_id === actor.userId,
    text: row.text_sealed === null ? null : await deps.sealer.open(row.author_id, turnContext(row.id), row.text_sealed),
    recordedBy: oneDevice ? (row.recorded_by === actor.userId ? 'me' : 'partner') : null,
    at: iso(row.created_at),
  };
}

async function viewOf(deps: AppDeps, actor: Actor, row: ConversationRow, seat: Seat): Promise<ConversationView> {
  const state = stateOf(row);
  const turns: TurnView[] = [];
  for (const t of await listTurns(deps.db, row.id, TALK_LIMITS.turns)) {
    if (canSeeItem(actor, turnItem(t))) turns.push(await turnView(deps, actor, t));
  }
  const waiting = whoseTurn(state);
  return {
    ...summaryOf(actor, row),
    speaker: state.speaker === seat ? 'me' : 'partner',
    waitingOn: waiting === null ? null : waiting === seat ? 'me' : 'partner',
    resumeTo: state.resumeTo,
    myTakeaway: state.takeaways[seat],
    partnerTakeaway: state.takeaways[otherSeat(seat)],
    recordsForBoth: modeOf(row) === 'one-device' && seat === 'starter',
    suggestedBreakMinutes: SUGGESTED_BREAK_MINUTES,
    version: row.version,
    turns,
  };
}

export async function readConversation(deps: AppDeps, actor: Actor, id: string): Promise<ConversationView> {
  const { row, seat } = await visibleConversation(deps, actor, id);
  return viewOf(deps, actor, row, seat);
}

export async function listConversations(deps: AppDeps, actor: Actor): Promise<ConversationList> {
  const rows = await listVisibleConversations(deps.db, actor.userId, actor.partnerId, actor.spaceId, TALK_LIMITS.list + 1);
  const listed = rows.slice(0, TALK_LIMITS.list);
  const contributors = await listContributors(
    deps.db,
    listed.map((r) => r.id),
  );
  const contributorsOfRow = (r: ConversationRow) =>
    contributors.filter((c) => c.conversation_id === r.id).map((c) => c.author_id);
  const visible = listed.filter((r) => canSeeShell(actor, conversationItem(r), contributorsOfRow(r)));
  const hasPartner = actor.partnerId !== null;
  // The person's own safety answers only: the partner's view never depends on them.
  const suggestTogether = hasPartner && !(await concernFor(deps, actor.userId));
  return {
    conversations: visible.map((r) => summaryOf(actor, r)),
    finishedCount: await countFinishedConversations(deps.db, actor.userId, actor.partnerId, actor.spaceId),
    hasPartner,
    suggestTogether,
    truncated: rows.length > TALK_LIMITS.list,
  };
}

export async function startConversation(
  deps: AppDeps,
  actor: Actor,
  mode: 'two-devices' | 'one-device',
): Promise<ConversationView> {
  if (actor.partnerId === null) throw noPartner();
  const now = deps.clock.now();
  const id = newId(now);
  await insertConversation(deps.db, {
    id,
    authorId: actor.userId,
    spaceId: actor.spaceId,
    visibility: 'couple',
    mode,
    stateJson: JSON.stringify(initialTurnState()),
    heldOn: null,
    at: toDbTime(now),
    endedAt: null,
  });
  const { row, seat } = await visibleConversation(deps, actor, id);
  await announce(deps, row);
  return viewOf(deps, actor, row, seat);
}

/** A conversation held in person, recorded by one person (solo or not): private, and counted. */
export async function recordInPerson(
  deps: AppDeps,
  actor: Actor,
  input: { heldOn: string; said: string; wentHow: string },
): Promise<ConversationView> {
  const now = deps.clock.now();
  const at = toDbTime(now);
  const id = newId(now);
  const ended: TurnState = { ...initialTurnState(), phase: 'ended', takeaways: { starter: true, partner: true } };
  const saidId = newId(now);
  const wentId = newId(now);
  const saidSealed = await deps.sealer.seal(actor.userId, turnContext(saidId), input.said);
  const wentSealed = await deps.sealer.seal(actor.userId, turnContext(wentId), input.wentHow);
  await deps.db.transaction().execute(async (trx) => {
    await insertConversation(trx, {
      id,
      authorId: actor.userId,
      spaceId: actor.spaceId,
      visibility: 'private',
      mode: 'in-person',
      stateJson: JSON.stringify(ended),
      heldOn: input.heldOn,
      at,
      endedAt: at,
    });
    const base = {
      conversationId: id,
      authorId: actor.userId,
      recordedBy: actor.userId,
      spaceId: actor.spaceId,
      visibility: 'private' as const,
      at,
    };
    await insertTurn(trx, { ...base, id: saidId, kind: 'said', seq: 1, textSealed: saidSealed });
    await insertTurn(trx, { ...base, id: wentId, kind: 'went', seq: 2, textSealed: wentSealed });
  });
  const { row, seat } = await visibleConversation(deps, actor, id);
  return viewOf(deps, actor, row, seat);
}

/** Applies one step; 403 for the other person's step, 409 for a step not open now (or raced). */
function step(state: TurnState, action: TalkAction, seat: Seat): TurnState {
  const outcome = nextTurnState(state, action, seat);
  if (outcome.ok) return outcome.state;
  if (outcome.reason === 'not-your-turn') throw forbidden('This step is for the other person in this conversation.');
  throw movedOn();
}

async function commit(
  deps: AppDeps,
  row: ConversationRow,
  next: TurnState,
  turn: { authorSeat: Seat; recordedBy: string; kind: string; text: string | null; actor: Actor } | null,
): Promise<void> {
  const now = deps.clock.now();
  const at = toDbTime(now);
  let turnRow: { id: string; authorId: string; sealed: string | null } | null = null;
  if (turn) {
    const id = newId(now);
    // The starter is the conversation's author; the other seat is whoever else may see it: the partner.
    const authorId =
      turn.authorSeat === 'starter'
        ? row.author_id
        : turn.actor.userId === row.author_id
          ? turn.actor.partnerId
          : turn.actor.userId;
    if (!authorId) throw notFound();
    const sealed = turn.text === null ? null : await deps.sealer.seal(authorId, turnContext(id), turn.text);
    turnRow = { id, authorId, sealed };
  }
  await deps.db.transaction().execute(async (trx) => {
    const moved = await moveConversation(trx, {
      id: row.id,
      fromVersion: row.version,
      stateJson: JSON.stringify(next),
      at,
      endedAt: next.phase === 'ended' ? at : null,
    });
    if (!moved) throw movedOn();
    if (turn && turnRow) {
      await insertTurn(trx, {
        id: turnRow.id,
        conversationId: row.id,
        authorId: turnRow.authorId,
        recordedBy: turn.recordedBy,
        spaceId: row.space_id,
        visibility: row.visibility,
        kind: turn.kind,
        seq: row.version + 1,
        textSealed: turnRow.sealed,
        at,
      });
    }
  });
  await announce(deps, row);
}

/** The conversation must still be shared by both: after one leaves it is read-only. */
function stillShared(actor: Actor, row: ConversationRow): void {
  if (modeOf(row) === 'in-person') throw movedOn();
  if (spaceClosedFor(actor, row)) {
    throw conflict('space_closed', 'This conversation was held in a space you no longer share, so it is kept as it was.');
  }
}

export async function takeTurn(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { kind: 'share' | 'reflect' | 'clarify' | 'confirm' | 'takeaway'; text?: string; forPartner?: boolean },
): Promise<ConversationView> {
  const { row, seat } = await visibleConversation(deps, actor, id);
  stillShared(actor, row);
  const authorSeat = turnSeat(modeOf(row), seat, input.forPartner === true);
  if (!authorSeat) throw forbidden('Only the person holding the one device records for both.');
  const next = step(stateOf(row), input.kind, authorSeat);
  await commit(deps, row, next, { authorSeat, recordedBy: actor.userId, kind: input.kind, text: input.text ?? null, actor });
  return readConversation(deps, actor, id);
}

export async function moveTalk(
  deps: AppDeps,
  actor: Actor,
  id: string,
  action: 'pause' | 'resume' | 'close',
): Promise<ConversationView> {
  const { row, seat } = await visibleConversation(deps, actor, id);
  stillShared(actor, row);
  await commit(deps, row, step(stateOf(row), action, seat), null);
  return readConversation(deps, actor, id);
}
