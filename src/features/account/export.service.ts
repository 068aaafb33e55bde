import type { AppDeps } from '../../deps.js';
import { EXPORT_LIMIT } from '../../domain/account-data.js';
import { checkLimit, recordHit } from '../../platform/rate-limit.js';
import { hashToken } from '../../platform/tokens.js';
import { AppError } from '../../shared/errors.js';
import { exportAccount } from '../auth/export.read.js';
import { exportBids } from '../bids/export.read.js';
import { exportCalendarFeed } from '../calendar/export.read.js';
import { exportCauses } from '../causes/export.read.js';
import { exportCheckins } from '../checkins/export.read.js';
import { exportCloseness } from '../closeness/export.read.js';
import { exportAct } from '../commitments/export.read.js';
import { exportTalk } from '../conversations/export.read.js';
import { exportJournal } from '../journal/export.read.js';
import { exportNeeds } from '../needs/export.read.js';
import { exportReminders } from '../notifications/export.read.js';
import { exportTherapyAsked } from '../progress/export.read.js';
import { exportPulses } from '../pulse/export.read.js';
import { exportPushDevices } from '../push/export.read.js';
import { exportRituals } from '../rituals/export.read.js';
import { exportSafety } from '../safety/export.read.js';
import { exportMemberships } from '../spaces/export.read.js';
import { exportSummaryChoices } from '../summary/export.read.js';
import { exportTherapists } from '../therapists/export.read.js';
import { exportSelfChecks } from '../understand/export.read.js';
import type { ExportDocument } from './export.schema.js';

// The export (decision 025): one document of everything the person wrote or chose. Each feature
// reads its own tables for it (its export.read.ts), opening the person's sealed words with their key;
// nothing here reads a row another person wrote. A therapist's export is the same document, with
// their account and their accesses (ids and dates); every partner part is empty for them.

const tooMany = (retryAfterSeconds: number) =>
  new AppError(
    429,
    'rate_limited',
    'You have downloaded your data a few times in the last hour. Please wait a little and try again.',
    undefined,
    { 'Retry-After': String(retryAfterSeconds) },
  );

/** Counts an export against the person's limit (a few an hour), or refuses with 429 and Retry-After. */
export async function limitExports(deps: AppDeps, userId: string): Promise<void> {
  const now = deps.clock.now();
  const bucket = `export:${hashToken(deps.secrets.sessionSecret, 'rate', userId)}`;
  const verdict = await checkLimit(deps.db, bucket, EXPORT_LIMIT.perWindow, EXPORT_LIMIT.windowMs, now);
  if (verdict.limited) throw tooMany(verdict.retryAfterSeconds);
  await recordHit(deps.db, bucket, EXPORT_LIMIT.windowMs, now);
}

export async function exportOf(deps: AppDeps, userId: string): Promise<ExportDocument> {
  const exportedAt = deps.clock.now().toISOString();
  const account = await exportAccount(deps, userId);
  const checkins = await exportCheckins(deps, userId);
  const closeness = await exportCloseness(deps, userId);
  const needs = await exportNeeds(deps, userId);
  const talk = await exportTalk(deps, userId);
  const act = await exportAct(deps, userId);
  const therapists = await exportTherapists(deps, userId);
  return {
    format: 'attune-export',
    version: 1,
    exportedAt,
    account,
    spaces: await exportMemberships(deps, userId),
    preferences: {
      checkinVisibility: checkins.checkinVisibility,
      reminders: await exportReminders(deps, userId),
      therapyAsked: await exportTherapyAsked(deps, userId),
      calendarFeed: await exportCalendarFeed(deps, userId),
      pushDevices: await exportPushDevices(deps, userId),
      closenessThemes: closeness.closenessThemes,
    },
    safety: await exportSafety(deps, userId),
    selfChecks: await exportSelfChecks(deps, userId),
    causes: await exportCauses(deps, userId),
    needs: needs.needs,
    needAnswers: needs.needAnswers,
    agreements: needs.agreements,
    talkDrafts: talk.talkDrafts,
    conversations: talk.conversations,
    turns: talk.turns,
    acknowledgements: talk.acknowledgements,
    acknowledgementReplies: talk.acknowledgementReplies,
    commitments: act.commitments,
    occurrenceAcknowledgements: act.occurrenceAcknowledgements,
    appreciations: act.appreciations,
    checkins: checkins.checkins,
    checkinReplies: checkins.checkinReplies,
    bids: await exportBids(deps, userId),
    pulses: await exportPulses(deps, userId),
    closenessAnswers: closeness.closenessAnswers,
    closenessResponses: closeness.closenessResponses,
    closenessSkips: closeness.closenessSkips,
    rituals: await exportRituals(deps, userId),
    journal: await exportJournal(deps, userId),
    therapistConsents: therapists.therapistConsents,
    therapistProposals: therapists.therapistProposals,
    therapistAccesses: therapists.therapistAccesses,
    summaryChoices: await exportSummaryChoices(deps, userId),
  };
}
