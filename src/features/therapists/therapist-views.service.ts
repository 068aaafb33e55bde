import type { AppDeps } from '../../deps.js';
import { CHECKIN_LIMITS } from '../../domain/checkins.js';
import type { Couple } from '../../domain/couple-items.js';
import { CHECKIN_PERIOD, LOG_PERIOD, type PeriodRule, SUMMARY_PERIOD } from '../../domain/periods.js';
import { isoWeekKey, mondayOfIsoWeek } from '../../domain/pulse.js';
import type { TherapistView } from '../../domain/therapist-access.js';
import { trendVerdict } from '../../domain/trend.js';
import type { SignedInAccount } from '../../http/route.js';
import { timeZoneOf } from '../auth/users.read.js';
import { coupleCauses } from '../causes/couple.read.js';
import { coupleCheckins } from '../checkins/couple.read.js';
import { coupleRevealedPairs } from '../closeness/couple.read.js';
import { coupleCommitments } from '../commitments/couple.read.js';
import { coupleConversations } from '../conversations/couple.read.js';
import { coupleAgreements } from '../needs/couple.read.js';
import { coupleSharedScores } from '../pulse/couple.read.js';
import { agreementEntries, chartSeries, figuresSection, nameIn, namesOf } from '../summary/sections.js';
import type { SummaryView } from '../summary/summary.schema.js';
import { periodIn, summaryOf } from '../summary/summary.service.js';
import type {
  AgreementsView,
  CausesView,
  CheckinsView,
  ClosenessView,
  CommitmentsView,
  ConversationsView,
  FiguresView,
  PulseView,
} from './therapist-views.schema.js';
import { openTherapistView } from './therapists.read.js';

// The therapist's read-only views (decision 023). Each one opens the access first (openTherapistView:
// 404 like a couple that does not exist unless this therapist may open this view now, decided afresh
// from the database, and recorded in the access log), then reads the couple's items through the
// owning features' published couple reads: only what one partner shared with the other, attributed
// by first name. A period is read in the therapist's own zone and checked before the access is
// opened, so a refused period records nothing.

type Query = { from?: string | undefined; to?: string | undefined };

interface Opened {
  couple: Couple;
  names: Map<string, string>;
  visible: readonly TherapistView[];
}

async function open(deps: AppDeps, account: SignedInAccount, accessId: string, view: TherapistView): Promise<Opened> {
  const opened = await openTherapistView(deps, account, accessId, view);
  const couple: Couple = { spaceId: opened.spaceId, memberIds: opened.memberIds };
  return { couple, names: await namesOf(deps, couple), visible: opened.visible };
}

const namesList = (o: Opened) => o.couple.memberIds.map((id) => nameIn(o.names, id));

/** A period of local days in the therapist's own zone; 400 naming the field when it cannot be. */
async function periodFor(deps: AppDeps, account: SignedInAccount, query: Query, rule: PeriodRule = SUMMARY_PERIOD) {
  return periodIn(deps, await timeZoneOf(deps.db, account.userId), query, rule);
}

export async function agreementsView(deps: AppDeps, account: SignedInAccount, accessId: string): Promise<AgreementsView> {
  const o = await open(deps, account, accessId, 'agreements');
  const { agreements, truncated } = await coupleAgreements(deps, o.couple);
  return { names: namesList(o), agreements: agreementEntries(agreements, o.names), truncated };
}

export async function commitmentsView(
  deps: AppDeps,
  account: SignedInAccount,
  accessId: string,
  query: Query,
): Promise<CommitmentsView> {
  const w = await periodFor(deps, account, query, LOG_PERIOD);
  const o = await open(deps, account, accessId, 'commitments');
  const commitments = await coupleCommitments(deps, o.couple, { first: w.from, last: w.to });
  return {
    names: namesList(o),
    from: w.from,
    to: w.to,
    commitments: commitments.map(({ authorId, receiverId, ...c }) => ({
      ...c,
      doer: nameIn(o.names, authorId),
      for: nameIn(o.names, receiverId),
    })),
  };
}

export async function figuresView(deps: AppDeps, account: SignedInAccount, accessId: string, query: Query): Promise<FiguresView> {
  const period = await periodFor(deps, account, query);
  const o = await open(deps, account, accessId, 'figures');
  const { agreements } = await coupleAgreements(deps, o.couple);
  // The agreements' words only where both partners included the agreements too.
  const words = o.visible.includes('agreements');
  return { names: namesList(o), ...(await figuresSection(deps, o.couple, period, agreements, o.names, words)) };
}

export async function checkinsView(
  deps: AppDeps,
  account: SignedInAccount,
  accessId: string,
  query: Query,
): Promise<CheckinsView> {
  const w = await periodFor(deps, account, query, CHECKIN_PERIOD);
  const o = await open(deps, account, accessId, 'checkins');
  const checkins = await coupleCheckins(deps, o.couple, w);
  return {
    names: namesList(o),
    from: w.from,
    to: w.to,
    checkins: checkins.map((c) => ({
      id: c.id,
      by: nameIn(o.names, c.authorId),
      date: c.date,
      connected: c.connected,
      heard: c.heard,
      mood: c.mood,
      line: c.line,
      replies: c.replies.map((r) => ({
        by: nameIn(o.names, r.authorId),
        kind: r.kind,
        reaction: r.reaction,
        text: r.text,
        at: r.at,
      })),
    })),
    scale: { min: CHECKIN_LIMITS.scaleMin, max: CHECKIN_LIMITS.scaleMax },
  };
}

export async function conversationsView(deps: AppDeps, account: SignedInAccount, accessId: string): Promise<ConversationsView> {
  const o = await open(deps, account, accessId, 'conversations');
  const { conversations, truncated } = await coupleConversations(deps, o.couple);
  const by = (id: string) => nameIn(o.names, id);
  return {
    names: namesList(o),
    conversations: conversations.flatMap((c) =>
      c.mode === 'in-person'
        ? []
        : [
            {
              id: c.id,
              mode: c.mode,
              phase: c.phase,
              startedBy: by(c.authorId),
              rounds: c.rounds,
              startedAt: c.startedAt,
              endedAt: c.endedAt,
              turns: c.turns.map((t) => ({ kind: t.kind, by: by(t.authorId), text: t.text, at: t.at })),
              acknowledgements: c.acknowledgements.map((a) => ({
                by: by(a.authorId),
                did: a.did,
                effect: a.effect,
                change: a.change,
                at: a.at,
                reply: a.reply
                  ? { by: by(a.reply.authorId), felt: a.reply.felt, missing: a.reply.missing, at: a.reply.at }
                  : null,
              })),
            },
          ],
    ),
    truncated,
  };
}

export async function causesView(deps: AppDeps, account: SignedInAccount, accessId: string): Promise<CausesView> {
  const o = await open(deps, account, accessId, 'causes');
  const causes = await coupleCauses(deps, o.couple);
  const labelled = (ids: readonly string[]) =>
    ids.map((id) => causes.sets.flatMap((s) => s.marks?.causes ?? []).find((m) => m.id === id)?.label ?? id);
  const [first, second] = causes.sets;
  return {
    names: namesList(o),
    bothRevealed: causes.bothRevealed,
    partners: causes.sets.map((s) => ({
      by: nameIn(o.names, s.authorId),
      revealedAt: s.revealedAt,
      marks: s.marks,
      understanding: s.understanding,
    })),
    comparison:
      causes.comparison && first && second
        ? {
            both: labelled(causes.comparison.shared),
            onlyOne: [
              { by: nameIn(o.names, first.authorId), causes: labelled(causes.comparison.onlyMine) },
              { by: nameIn(o.names, second.authorId), causes: labelled(causes.comparison.onlyTheirs) },
            ],
          }
        : null,
  };
}

export async function pulseView(deps: AppDeps, account: SignedInAccount, accessId: string, query: Query): Promise<PulseView> {
  const period = await periodFor(deps, account, query);
  const o = await open(deps, account, accessId, 'pulse');
  const scores = await coupleSharedScores(deps.db, o.couple, isoWeekKey(period.from), isoWeekKey(period.to));
  return {
    names: namesList(o),
    from: period.from,
    to: period.to,
    series: o.couple.memberIds.map((id, i) => {
      const points = scores.filter((s) => s.authorId === id).map((s) => ({ at: mondayOfIsoWeek(s.week), value: s.score }));
      const name = nameIn(o.names, id);
      return {
        by: name,
        ...chartSeries(`pulse:${i}`, 'pulse', `Trust pulse shared by ${name}`, 'out of 100', points, trendVerdict(points)),
      };
    }),
  };
}

export async function closenessView(deps: AppDeps, account: SignedInAccount, accessId: string): Promise<ClosenessView> {
  const o = await open(deps, account, accessId, 'closeness');
  const { pairs, truncated } = await coupleRevealedPairs(deps, o.couple);
  const by = (id: string) => nameIn(o.names, id);
  return {
    names: namesList(o),
    pairs: pairs.map((p) => ({
      day: p.day,
      question: p.question.text,
      theme: p.question.theme,
      answers: p.answers.map((a) => ({ by: by(a.authorId), text: a.text, answeredAt: a.answeredAt, editedAt: a.editedAt })),
      responses: p.responses.map((r) => ({ by: by(r.authorId), reaction: r.reaction, reply: r.reply, talkMore: r.talkMore })),
    })),
    truncated,
  };
}

/** The summary for the period asked, with the sections both partners included, and each partner's own part. */
export async function summaryView(deps: AppDeps, account: SignedInAccount, accessId: string, query: Query): Promise<SummaryView> {
  const zone = await timeZoneOf(deps.db, account.userId);
  const period = periodIn(deps, zone, query);
  const o = await open(deps, account, accessId, 'summary');
  return summaryOf(
    deps,
    o.couple,
    period,
    { agreements: o.visible.includes('agreements'), figures: o.visible.includes('figures') },
    zone,
  );
}
