import type { Contracts, RouteId } from '../../../src/contracts';
import { buildRequest, type Endpoint, matchEndpoint } from '../../../src/http/client';
import type { AnswerOf, InputOf, InputOptional } from '../../../src/http/contract';

// The one client of Attune's API, typed from the route contracts (src/contracts.ts) at compile
// time. Only types come from the server's modules, plus the few lines of http/client.ts that build a
// request: nothing of the schemas (or valibot) reaches the browser bundle.

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

const OFFLINE_MESSAGE = 'We could not reach Attune. Please check your connection and try again.';

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

declare const __ATTUNE_ENDPOINTS__: Record<RouteId, Endpoint>;

/** Each route's method and path by id, read from src/contracts.ts when the bundle is built (vite.config.ts). */
export const endpoints: Readonly<Record<RouteId, Endpoint>> = __ATTUNE_ENDPOINTS__;

export type Input<Id extends RouteId> = InputOf<Contracts[Id]>;
export type Answer<Id extends RouteId> = AnswerOf<Contracts[Id]>;

export interface CallOptions {
  /** The key a retry must repeat; a fresh one is made for each call otherwise. */
  idempotencyKey?: string;
  /** Finish the request even if the page is left at once (quick exit's sign-out). */
  keepalive?: boolean;
}

/** `api(id)` alone when every part of the route's input may be left out, else `api(id, input)`. */
export type ApiArgs<Id extends RouteId> =
  InputOptional<Contracts[Id]> extends true
    ? [input?: Input<Id>, options?: CallOptions]
    : [input: Input<Id>, options?: CallOptions];

/**
 * Calls a route of Attune's API by its id, with typed params, query and body, and answers its
 * typed result. Every write carries an Idempotency-Key, so a retry (or the offline outbox sending it
 * again) answers the first result and changes nothing.
 */
export async function api<Id extends RouteId>(id: Id, ...[input, options]: ApiArgs<Id>): Promise<Answer<Id>> {
  const built = buildRequest(endpoints[id], input);
  return (await send(built.method, built.url, built.body, options ?? {})) as Answer<Id>;
}

async function send(method: string, url: string, body: unknown, options: CallOptions): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['idempotency-key'] = options.idempotencyKey ?? newIdempotencyKey();
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      keepalive: options.keepalive === true,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', OFFLINE_MESSAGE);
  }
  if (res.status === 204) return undefined;
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data;
  const err = (data as { error?: { code?: string; message?: string; fields?: FieldError[] } } | null)?.error;
  const retry = Number(res.headers.get('retry-after'));
  throw new ApiError(
    res.status,
    err?.code ?? 'unknown',
    err?.message ?? 'Something went wrong on our side. Please try again in a moment.',
    Array.isArray(err?.fields) ? err.fields : [],
    Number.isFinite(retry) && retry > 0 ? retry : null,
  );
}

/** Where the API lives: links under it are never in-app screens. */
export const API_ROOT = '/api/';

/**
 * The route a method and a path relative to /api/v1 belong to (such as `/checkins/2026-12-06`):
 * reads writes queued by an older version of the app, which stored paths rather than route ids.
 */
export function routeOfPath(method: string, path: string): { id: RouteId; params: Record<string, string> } | null {
  const found = matchEndpoint(Object.values(endpoints), method, `/api/v1${path}`);
  return found ? { id: found.endpoint.id as RouteId, params: found.params } : null;
}

export type { MeView, SessionList, SessionView, UserView } from '../../../src/features/auth/auth.schema';
export type { BidList, BidSummary, BidView, BidWeek } from '../../../src/features/bids/bids.schema';
export type { CalendarCreated, CalendarView } from '../../../src/features/calendar/calendar.schema';
export type { CausesView, MarksBody } from '../../../src/features/causes/causes.schema';
export type {
  CheckinBody,
  CheckinList,
  CheckinToday,
  CheckinView,
  ReplyBody as CheckinReplyBody,
  ReplyView as CheckinReplyView,
} from '../../../src/features/checkins/checkins.schema';
export type { AppreciationList, AppreciationView } from '../../../src/features/commitments/appreciations.schema';
export type {
  AcknowledgementSummary,
  CommitmentList,
  CommitmentView,
  CreateCommitmentBody,
  ScheduleInput,
} from '../../../src/features/commitments/commitments.schema';
export type {
  AckBody,
  FiguresSchema,
  FiguresView,
  MarkBody,
  OccurrenceView,
  TodayView,
} from '../../../src/features/commitments/log.schema';
export type {
  AcknowledgementList,
  AcknowledgementView,
  ConversationList,
  ConversationSummary,
  ConversationView,
  DraftView,
  TurnView,
} from '../../../src/features/conversations/conversations.schema';
export type { ClientConfig } from '../../../src/features/health/client-config.schema';
export type { AgreementList, AgreementView, HistoryEntry, NeedList, NeedView } from '../../../src/features/needs/needs.schema';
export type {
  NotificationList,
  NotificationView,
  PreferencesBody as NotificationPreferencesBody,
  PreferencesView as NotificationPreferences,
} from '../../../src/features/notifications/notifications.schema';
export type {
  ProgressSeries,
  ProgressView,
  ReflectionMoment,
  TherapyView,
  WeeklyReflection,
} from '../../../src/features/progress/progress.schema';
export type {
  PartnerPulseEntry,
  PulseBody,
  PulseHistoryEntry,
  PulseItemView,
  PulseOverview,
  PulseView,
} from '../../../src/features/pulse/pulse.schema';
export type { PushDeviceView, PushState } from '../../../src/features/push/push.schema';
export type { IsItWorkingView } from '../../../src/features/reflection/reflection.schema';
export type { SafetyView } from '../../../src/features/safety/safety.schema';
export type { InviteCreated, InviteList, InvitePreview, InviteView, SpaceView } from '../../../src/features/spaces/spaces.schema';
export type {
  AgreementEntry,
  AgreementsSection,
  ChartSeries,
  FiguresSection,
  MySummary,
  Note as SummaryNote,
  Part as SummaryPart,
  SummaryView,
} from '../../../src/features/summary/summary.schema';
export type {
  AgreementsView as TherapistAgreementsView,
  CausesView as TherapistCausesView,
  CheckinsView as TherapistCheckinsView,
  ClosenessView as TherapistClosenessView,
  CommitmentsView as TherapistCommitmentsView,
  ConversationsView as TherapistConversationsView,
  FiguresView as TherapistFiguresView,
  PulseView as TherapistPulseView,
} from '../../../src/features/therapists/therapist-views.schema';
export type {
  AccessList as TherapistAccessList,
  AccessView as TherapistAccess,
  CoupleList as TherapistCoupleList,
} from '../../../src/features/therapists/therapists.schema';
export type { HomeToday } from '../../../src/features/today/today.schema';
export type { SelfCheckList, SelfCheckView } from '../../../src/features/understand/understand.schema';
export type { RouteId };
