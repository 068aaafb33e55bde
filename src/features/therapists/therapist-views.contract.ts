import { defineContract } from '../../http/contract.js';
import { PeriodQuery, SummaryView } from '../summary/summary.schema.js';
import {
  AgreementsView,
  CausesView,
  CheckinsView,
  ClosenessView,
  CommitmentsView,
  ConversationsView,
  FiguresView,
  PulseView,
} from './therapist-views.schema.js';
import { AccessIdParams } from './therapists.schema.js';

// The therapist's read-only views of one couple, one route each (GET /api/v1/therapist/couples/:id/<view>,
// where :id is the access from GET /therapist/couples). Each answers only while the access is active
// and both partners included that view; anything else, including a couple that does not exist, answers
// 404 with one body. Every view opened is recorded in the access log the partners read.

const tag = 'therapists';
const errors = [400, 401, 403, 404] as const;

export const agreementsView = defineContract({
  id: 'therapists.view.agreements',
  method: 'GET',
  path: '/api/v1/therapist/couples/:id/agreements',
  tag,
  summary: 'The agreements the couple reached, each with its negotiation',
  access: 'therapist',
  params: AccessIdParams,
  success: { status: 200, schema: AgreementsView },
  errors,
});

export const commitmentsView = defineContract({
  id: 'therapists.view.commitments',
  method: 'GET',
  path: '/api/v1/therapist/couples/:id/commitments',
  tag,
  summary:
    'Both partners’ commitments with the log of marks and acknowledgements for a window of days (the last 28 by default, at most 366)',
  access: 'therapist',
  params: AccessIdParams,
  query: PeriodQuery,
  success: { status: 200, schema: CommitmentsView },
  errors,
});

export const figuresView = defineContract({
  id: 'therapists.view.figures',
  method: 'GET',
  path: '/api/v1/therapist/couples/:id/figures',
  tag,
  summary:
    'Follow-through and felt-rate for a period (the last 8 weeks by default, at most 52), overall, per partner and per agreement, with weekly trend verdicts',
  access: 'therapist',
  params: AccessIdParams,
  query: PeriodQuery,
  success: { status: 200, schema: FiguresView },
  errors,
});

export const checkinsView = defineContract({
  id: 'therapists.view.checkins',
  method: 'GET',
  path: '/api/v1/therapist/couples/:id/checkins',
  tag,
  summary:
    'The check-ins the partners shared with each other, with replies, for a window of days (the last 28 by default, at most 92)',
  access: 'therapist',
  params: AccessIdParams,
  query: PeriodQuery,
  success: { status: 200, schema: CheckinsView },
  errors,
});

export const conversationsView = defineContract({
  id: 'therapists.view.conversations',
  method: 'GET',
  path: '/api/v1/therapist/couples/:id/conversations',
  tag,
  summary: 'The conversations held together, with turns and takeaways, and the acknowledgements with their answers',
  access: 'therapist',
  params: AccessIdParams,
  success: { status: 200, schema: ConversationsView },
  errors,
});

export const causesView = defineContract({
  id: 'therapists.view.causes',
  method: 'GET',
  path: '/api/v1/therapist/couples/:id/causes',
  tag,
  summary: 'What each partner revealed as contributing causes, and their shared understanding (once both revealed)',
  access: 'therapist',
  params: AccessIdParams,
  success: { status: 200, schema: CausesView },
  errors,
});

export const pulseView = defineContract({
  id: 'therapists.view.pulse',
  method: 'GET',
  path: '/api/v1/therapist/couples/:id/pulse',
  tag,
  summary: 'The weekly trust pulse scores each partner shared (never the answers), for a period, with the trend',
  access: 'therapist',
  params: AccessIdParams,
  query: PeriodQuery,
  success: { status: 200, schema: PulseView },
  errors,
});

export const closenessView = defineContract({
  id: 'therapists.view.closeness',
  method: 'GET',
  path: '/api/v1/therapist/couples/:id/closeness',
  tag,
  summary: 'The closeness questions both partners answered and revealed to each other, with their reactions and replies',
  access: 'therapist',
  params: AccessIdParams,
  success: { status: 200, schema: ClosenessView },
  errors,
});

export const summaryView = defineContract({
  id: 'therapists.view.summary',
  method: 'GET',
  path: '/api/v1/therapist/couples/:id/summary',
  tag,
  summary:
    'The couple’s summary for a period (the last 8 weeks by default, at most 52): agreements and figures where both included them, and each partner’s chosen notes',
  access: 'therapist',
  params: AccessIdParams,
  query: PeriodQuery,
  success: { status: 200, schema: SummaryView },
  errors,
});

export const therapistViewContracts = [
  agreementsView,
  commitmentsView,
  figuresView,
  checkinsView,
  conversationsView,
  causesView,
  pulseView,
  closenessView,
  summaryView,
] as const;
