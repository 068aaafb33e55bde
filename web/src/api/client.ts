import type { SafetyAnswers } from '../../../src/domain/safety';
import type { LoginBody, MeView, SessionList, SignupBody, UpdateMeBody, UserView } from '../../../src/features/auth/auth.schema';
import type * as Bids from '../../../src/features/bids/bids.schema';
import type * as Calendar from '../../../src/features/calendar/calendar.schema';
import type { CausesView, MarksBody } from '../../../src/features/causes/causes.schema';
import type * as Checkins from '../../../src/features/checkins/checkins.schema';
import type * as Appreciations from '../../../src/features/commitments/appreciations.schema';
import type * as Commitments from '../../../src/features/commitments/commitments.schema';
import type * as Log from '../../../src/features/commitments/log.schema';
import type * as Talk from '../../../src/features/conversations/conversations.schema';
import type { ClientConfig } from '../../../src/features/health/client-config.schema';
import type { AgreementList, AgreementView, NeedList, NeedView, RespondBody } from '../../../src/features/needs/needs.schema';
import type * as Notifications from '../../../src/features/notifications/notifications.schema';
import type * as Progress from '../../../src/features/progress/progress.schema';
import type * as Pulse from '../../../src/features/pulse/pulse.schema';
import type * as Push from '../../../src/features/push/push.schema';
import type * as Reflection from '../../../src/features/reflection/reflection.schema';
import type { SafetyView } from '../../../src/features/safety/safety.schema';
import type { InviteCreated, InviteList, InvitePreview, SpaceView } from '../../../src/features/spaces/spaces.schema';
import type { HomeToday } from '../../../src/features/today/today.schema';
import type { SelfCheckBody, SelfCheckList, SelfCheckView } from '../../../src/features/understand/understand.schema';

// Types only: nothing from the server's schema modules (or valibot) reaches the browser bundle.

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

/**
 * One HTTP call to /api/v1. Every write carries an Idempotency-Key, so a retry (or the offline
 * outbox sending it again) answers the first result and changes nothing.
 */
export async function request<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['idempotency-key'] = idempotencyKey ?? newIdempotencyKey();
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', OFFLINE_MESSAGE);
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;
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

const enc = encodeURIComponent;

export const api = {
  config: () => request<ClientConfig>('GET', '/config'),

  signup: (body: SignupBody) => request<UserView>('POST', '/auth/signup', body),
  login: (body: LoginBody) => request<UserView>('POST', '/auth/login', body),
  logout: () => request<void>('POST', '/auth/logout'),
  me: () => request<MeView>('GET', '/me'),
  updateMe: (body: UpdateMeBody) => request<MeView>('PATCH', '/me', body),
  sessions: () => request<SessionList>('GET', '/auth/sessions'),
  endSession: (id: string) => request<void>('DELETE', `/auth/sessions/${enc(id)}`),
  signOutEverywhere: () => request<void>('POST', '/auth/sessions/sign-out-everywhere'),
  requestReset: (email: string) => request<{ message: string }>('POST', '/auth/password-reset', { email }),
  confirmReset: (token: string, password: string) =>
    request<UserView>('POST', '/auth/password-reset/confirm', { token, password }),

  space: () => request<SpaceView>('GET', '/space'),
  createInvite: () => request<InviteCreated>('POST', '/space/invites'),
  invites: () => request<InviteList>('GET', '/space/invites'),
  revokeInvite: (id: string) => request<void>('DELETE', `/space/invites/${enc(id)}`),
  previewInvite: (token: string) => request<InvitePreview>('GET', `/invites/${enc(token)}`),
  acceptInvite: (token: string) => request<SpaceView>('POST', `/invites/${enc(token)}/accept`),
  leaveSpace: () => request<SpaceView>('POST', '/space/leave'),
  dismissNotice: (id: string) => request<void>('DELETE', `/space/notices/${enc(id)}`),

  causes: () => request<CausesView>('GET', '/causes'),
  saveCauses: (body: MarksBody) => request<CausesView>('PUT', '/causes', body),
  revealCauses: () => request<CausesView>('POST', '/causes/reveal'),
  saveUnderstanding: (text: string) => request<CausesView>('PUT', '/causes/understanding', { text }),
  forgetCauses: () => request<void>('DELETE', '/causes'),
  safety: () => request<SafetyView>('GET', '/safety'),
  saveSafety: (answers: SafetyAnswers) => request<SafetyView>('PUT', '/safety', { answers }),
  forgetSafety: () => request<void>('DELETE', '/safety'),

  needs: () => request<NeedList>('GET', '/needs'),
  need: (id: string) => request<NeedView>('GET', `/needs/${enc(id)}`),
  createNeed: (text: string) => request<NeedView>('POST', '/needs', { text }),
  editNeed: (id: string, text: string) => request<NeedView>('PATCH', `/needs/${enc(id)}`, { text }),
  deleteNeed: (id: string) => request<void>('DELETE', `/needs/${enc(id)}`),
  shareNeed: (id: string) => request<NeedView>('POST', `/needs/${enc(id)}/share`),
  respondToNeed: (id: string, body: RespondBody) => request<NeedView>('POST', `/needs/${enc(id)}/respond`, body),
  acceptProposal: (id: string, proposalId: string) =>
    request<NeedView>('POST', `/needs/${enc(id)}/proposals/${enc(proposalId)}/accept`),
  agreements: () => request<AgreementList>('GET', '/agreements'),
  agreement: (id: string) => request<AgreementView>('GET', `/agreements/${enc(id)}`),

  drafts: () => request<Talk.DraftList>('GET', '/drafts'),
  createDraft: (text: string) => request<Talk.DraftView>('POST', '/drafts', { text }),
  saveDraft: (id: string, text: string) => request<Talk.DraftView>('PUT', `/drafts/${enc(id)}`, { text }),
  deleteDraft: (id: string) => request<void>('DELETE', `/drafts/${enc(id)}`),
  conversations: () => request<Talk.ConversationList>('GET', '/conversations'),
  startConversation: (body: Talk.StartBody) => request<Talk.ConversationView>('POST', '/conversations', body),
  recordInPerson: (body: Talk.InPersonBody) => request<Talk.ConversationView>('POST', '/conversations/in-person', body),
  conversation: (id: string) => request<Talk.ConversationView>('GET', `/conversations/${enc(id)}`),
  takeTurn: (id: string, body: Talk.TurnBody) => request<Talk.ConversationView>('POST', `/conversations/${enc(id)}/turns`, body),
  moveConversation: (id: string, body: Talk.MoveBody) =>
    request<Talk.ConversationView>('PATCH', `/conversations/${enc(id)}`, body),
  acknowledgements: (id: string) => request<Talk.AcknowledgementList>('GET', `/conversations/${enc(id)}/acknowledgements`),
  acknowledge: (id: string, body: Talk.AcknowledgementBody) =>
    request<Talk.AcknowledgementView>('POST', `/conversations/${enc(id)}/acknowledgements`, body),
  replyToAcknowledgement: (id: string, ackId: string, body: Talk.ReplyBody) =>
    request<Talk.AcknowledgementView>('POST', `/conversations/${enc(id)}/acknowledgements/${enc(ackId)}/reply`, body),

  // Bids and affection: private to the person who logs them (no offline queue: see screens/bids).
  bids: (from?: string, to?: string) =>
    request<Bids.BidList>('GET', from && to ? `/bids?from=${enc(from)}&to=${enc(to)}` : '/bids'),
  bidSummary: (weeks = 12) => request<Bids.BidSummary>('GET', `/bids/summary?weeks=${weeks}`),
  createBid: (body: Bids.CreateBidBody) => request<Bids.BidView>('POST', '/bids', body),
  updateBid: (id: string, body: Bids.PatchBidBody) => request<Bids.BidView>('PATCH', `/bids/${enc(id)}`, body),
  deleteBid: (id: string) => request<void>('DELETE', `/bids/${enc(id)}`),

  // The private calendar feed: its address is shown only when it is made or replaced.
  calendar: () => request<Calendar.CalendarView>('GET', '/calendar'),
  createCalendar: () => request<Calendar.CalendarCreated>('POST', '/calendar'),
  updateCalendar: (body: Calendar.PatchCalendarBody) => request<Calendar.CalendarView>('PATCH', '/calendar', body),
  revokeCalendar: () => request<void>('DELETE', '/calendar'),

  // The notification centre (mine alone; reading tells no one) and reminder preferences.
  notifications: () => request<Notifications.NotificationList>('GET', '/notifications'),
  readNotification: (id: string) => request<void>('POST', `/notifications/${enc(id)}/read`),
  readAllNotifications: () => request<void>('POST', '/notifications/read-all'),
  notificationPreferences: () => request<Notifications.PreferencesView>('GET', '/notifications/preferences'),
  saveNotificationPreferences: (body: Notifications.PreferencesBody) =>
    request<Notifications.PreferencesView>('PUT', '/notifications/preferences', body),

  // Web push, per device: the server's key and my devices; the words sent are fixed and neutral.
  push: () => request<Push.PushState>('GET', '/push'),
  subscribePush: (body: Push.SubscribeBody) => request<Push.PushDeviceView>('POST', '/push/subscriptions', body),
  unsubscribePush: (id: string) => request<void>('DELETE', `/push/subscriptions/${enc(id)}`),

  // Step 4, Act: commitments and the two-sided log. Marks and acknowledgements go through queuedWrite
  // (lib/outbox.ts) so they survive being offline; see logPath below.
  commitments: () => request<Commitments.CommitmentList>('GET', '/commitments'),
  commitment: (id: string) => request<Commitments.CommitmentView>('GET', `/commitments/${enc(id)}`),
  createCommitment: (body: Commitments.CreateCommitmentBody) => request<Commitments.CommitmentView>('POST', '/commitments', body),
  changeCommitment: (id: string, body: Commitments.ChangeCommitmentBody) =>
    request<Commitments.CommitmentView>('PATCH', `/commitments/${enc(id)}`, body),
  moveCommitment: (id: string, action: 'pause' | 'resume' | 'end') =>
    request<Commitments.CommitmentView>('POST', `/commitments/${enc(id)}/${action}`),
  occurrences: (id: string, from: string, to: string) =>
    request<Log.OccurrenceList>('GET', `/commitments/${enc(id)}/occurrences?from=${enc(from)}&to=${enc(to)}`),
  unmark: (id: string, key: string) => request<void>('DELETE', `/commitments/${enc(id)}/occurrences/${enc(key)}/mark`),
  actToday: () => request<Log.TodayView>('GET', '/log/today'),
  homeToday: () => request<HomeToday>('GET', '/today'),
  figures: (from: string, to: string) => request<Log.FiguresView>('GET', `/figures?from=${enc(from)}&to=${enc(to)}`),
  appreciations: () => request<Appreciations.AppreciationList>('GET', '/appreciations'),
  createAppreciation: (body: Appreciations.AppreciationBody) =>
    request<Appreciations.AppreciationView>('POST', '/appreciations', body),

  createSelfCheck: (body: SelfCheckBody) => request<SelfCheckView>('POST', '/self-checks', body),
  selfChecks: () => request<SelfCheckList>('GET', '/self-checks'),
  deleteSelfCheck: (id: string) => request<void>('DELETE', `/self-checks/${enc(id)}`),

  // Check-ins are saved through queuedWrite (lib/outbox.ts) so they survive being offline.
  checkins: (window: { from?: string; to?: string } = {}) => {
    const query = new URLSearchParams(window).toString();
    return request<Checkins.CheckinList>('GET', query ? `/checkins?${query}` : '/checkins');
  },
  checkinToday: () => request<Checkins.CheckinToday>('GET', '/checkins/today'),
  checkin: (id: string) => request<Checkins.CheckinView>('GET', `/checkins/${enc(id)}`),
  checkinPreferences: () => request<Checkins.CheckinPreferences>('GET', '/checkins/preferences'),
  deleteCheckin: (id: string) => request<void>('DELETE', `/checkins/${enc(id)}`),
  replyToCheckin: (id: string, body: Checkins.ReplyBody) =>
    request<Checkins.CheckinView>('POST', `/checkins/${enc(id)}/replies`, body),

  // "Is it working?": private to me; the password is asked again on this session (403 reauth_required).
  unlockReflection: (password: string) => request<void>('POST', '/reflection/unlock', { password }),
  isItWorking: () => request<Reflection.IsItWorkingView>('GET', '/reflection/is-it-working'),

  // The weekly trust pulse: answers stay with me; the score is shared only if I choose.
  pulse: () => request<Pulse.PulseOverview>('GET', '/pulse'),
  savePulse: (week: string, body: Pulse.PulseBody) => request<Pulse.PulseView>('PUT', `/pulse/${enc(week)}`, body),
  deletePulse: (id: string) => request<void>('DELETE', `/pulse/${enc(id)}`),

  // Patience: my charts, my private therapy suggestion, and the weekly reflection.
  progress: (weeks = 12) => request<Progress.ProgressView>('GET', `/progress?weeks=${weeks}`),
  therapyInterest: (asked: boolean) => request<Progress.TherapyInterestView>('POST', '/progress/therapy-interest', { asked }),
  weeklyReflection: () => request<Progress.WeeklyReflection>('GET', '/reflection/weekly'),
};

export type { SessionView } from '../../../src/features/auth/auth.schema';
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
/** The path of one occurrence's side of the log, for queuedWrite ('#' in a weekly key is encoded). */
export const logPath = (id: string, key: string, side: 'mark' | 'ack') =>
  `/commitments/${encodeURIComponent(id)}/occurrences/${encodeURIComponent(key)}/${side}`;
export type { BidList, BidSummary, BidView, BidWeek } from '../../../src/features/bids/bids.schema';
export type { CalendarCreated, CalendarView } from '../../../src/features/calendar/calendar.schema';
export type {
  CheckinBody,
  CheckinList,
  CheckinToday,
  CheckinView,
  ReplyBody as CheckinReplyBody,
  ReplyView as CheckinReplyView,
} from '../../../src/features/checkins/checkins.schema';
export type {
  AcknowledgementList,
  AcknowledgementView,
  ConversationList,
  ConversationSummary,
  ConversationView,
  DraftView,
  TurnView,
} from '../../../src/features/conversations/conversations.schema';
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
export type { InviteView } from '../../../src/features/spaces/spaces.schema';
export type { HomeToday } from '../../../src/features/today/today.schema';
export type { SelfCheckList, SelfCheckView } from '../../../src/features/understand/understand.schema';
export type {
  CausesView,
  ClientConfig,
  InviteCreated,
  InviteList,
  InvitePreview,
  MarksBody,
  MeView,
  SessionList,
  SpaceView,
  UserView,
};
