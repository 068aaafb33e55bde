/**
 * Table types as Kysely sees them. Times are ISO-8601 UTC text (see shared/time.ts); identifiers
 * are UUIDv7 text; columns ending in `_sealed` hold sealed text (see crypto/seal.ts), never plain.
 */
export interface UsersTable {
  id: string;
  email: string; // trimmed and lower-cased: the sign-in identifier
  name_sealed: string;
  password_hash: string;
  data_key_wrapped: string;
  time_zone: string;
  /** 'partner' (has a space) or 'therapist' (reads what couples let it read; never in a space). */
  role: 'partner' | 'therapist';
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  last_used_at: string;
  expires_at: string;
  device: string;
  /** Opens the private places (For me, "Is it working?"): set at sign-in and re-auth, slid by their use. */
  reauth_at: string | null;
  /** The last explicit re-authentication on this session: valid 5 minutes, never slid. */
  fresh_reauth_at: string | null;
}

export interface PasswordResetsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SpacesTable {
  id: string;
  created_at: string;
}

export interface SpaceMembersTable {
  id: string;
  space_id: string;
  user_id: string;
  joined_at: string;
  left_at: string | null;
}

export interface SpaceInvitesTable {
  id: string;
  space_id: string;
  created_by: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  used_at: string | null;
  used_by: string | null;
}

export interface SpaceNoticesTable {
  id: string;
  user_id: string;
  kind: string;
  created_at: string;
  dismissed_at: string | null;
}

export interface RateLimitHitsTable {
  id: string;
  bucket: string;
  at: string;
}

export interface SafetyChecksTable {
  id: string;
  user_id: string;
  answers_sealed: string;
  updated_at: string;
}

export interface SelfChecksTable {
  id: string;
  author_id: string;
  ratings_sealed: string;
  note_sealed: string | null;
  created_at: string;
}

export interface CauseSetsTable {
  id: string;
  author_id: string;
  space_id: string;
  visibility: 'private' | 'couple';
  marks_sealed: string;
  revealed_at: string | null;
  understanding_sealed: string | null;
  understanding_updated_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventsTable {
  id: string;
  space_id: string;
  author_id: string;
  visibility: 'private' | 'couple';
  audience_id: string | null;
  kind: string;
  subject_id: string | null;
  created_at: string;
  /** Place in commit order across processes (migration 0024); PostgreSQL answers a bigint as a string. */
  seq: number | string;
}

/** One row per space: grows with every write to the space's rows (migration 0025, decision 030). */
export interface ChangeGenerationsTable {
  scope: string;
  /** bigint on PostgreSQL (read as a string), integer on SQLite. */
  generation: number | string;
}

/** One row: the last events.seq given, so a number is never given twice (migration 0024). */
export interface EventSequenceTable {
  id: number;
  last_seq: number | string;
}

export interface NeedsTable {
  id: string;
  author_id: string;
  space_id: string;
  visibility: 'private' | 'couple';
  state: string;
  text_sealed: string;
  shared_at: string | null;
  edited_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface NeedResponsesTable {
  id: string;
  need_id: string;
  author_id: string;
  space_id: string;
  kind: string;
  text_sealed: string | null;
  created_at: string;
}

export interface AgreementsTable {
  id: string;
  need_id: string;
  space_id: string;
  proposal_id: string | null;
  agreed_by: string;
  agreed_at: string;
}

export interface TalkDraftsTable {
  id: string;
  author_id: string;
  space_id: string;
  visibility: 'private' | 'couple';
  text_sealed: string;
  created_at: string;
  updated_at: string;
}

export interface ConversationsTable {
  id: string;
  author_id: string;
  space_id: string;
  visibility: 'private' | 'couple';
  mode: string;
  state_json: string;
  version: number;
  held_on: string | null;
  created_at: string;
  updated_at: string;
  ended_at: string | null;
}

export interface ConversationTurnsTable {
  id: string;
  conversation_id: string;
  author_id: string;
  recorded_by: string;
  space_id: string;
  visibility: 'private' | 'couple';
  kind: string;
  seq: number;
  text_sealed: string | null;
  created_at: string;
}

export interface AcknowledgementsTable {
  id: string;
  conversation_id: string;
  author_id: string;
  space_id: string;
  visibility: 'private' | 'couple';
  did_sealed: string;
  effect_sealed: string;
  change_sealed: string;
  created_at: string;
}

export interface AcknowledgementRepliesTable {
  id: string;
  acknowledgement_id: string;
  author_id: string;
  space_id: string;
  visibility: 'private' | 'couple';
  felt: string;
  missing_sealed: string | null;
  created_at: string;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key_hash: string; // keyed hash of the client's Idempotency-Key
  route_id: string;
  fingerprint: string; // keyed hash of the request (route, params, body)
  state: 'pending' | 'done';
  response_status: number | null;
  response_sealed: string | null;
  created_at: string;
  updated_at: string;
}

/** Step 4: a private log of gestures and bids; never seen by anyone but its author. */
export interface BidsTable {
  id: string;
  author_id: string;
  space_id: string;
  visibility: 'private';
  kind: string;
  text_sealed: string | null;
  at: string;
  response: string | null;
  created_at: string;
  updated_at: string;
}

export interface CommitmentsTable {
  id: string;
  space_id: string;
  /** The one who acts. */
  author_id: string;
  /** The one it is for (no foreign key: it may name an erased person, migration 0021). */
  receiver_id: string;
  agreement_id: string | null;
  /** The connection ritual it was made from (step 7), or null. */
  ritual_id: string | null;
  visibility: 'couple';
  starts_on: string;
  created_at: string;
  updated_at: string;
  ended_at: string | null;
}

export interface CommitmentVersionsTable {
  id: string;
  commitment_id: string;
  author_id: string;
  space_id: string;
  effective_from: string;
  what_sealed: string;
  schedule_json: string;
  zone: string;
  created_at: string;
}

export interface CommitmentPausesTable {
  id: string;
  commitment_id: string;
  author_id: string;
  space_id: string;
  from_at: string;
  until_at: string | null;
  created_at: string;
}

export interface OccurrenceMarksTable {
  id: string;
  commitment_id: string;
  author_id: string;
  space_id: string;
  occurrence_key: string;
  due_at: string;
  status: 'done' | 'missed';
  done_on: string | null;
  note_sealed: string | null;
  marked_at: string;
}

export interface OccurrenceAcksTable {
  id: string;
  commitment_id: string;
  author_id: string;
  space_id: string;
  occurrence_key: string;
  due_at: string;
  noticed: number;
  helped: number | null;
  acked_at: string;
  /** The actor's mark when this was written ('done', 'missed', null for none): decision 027. */
  answered: 'done' | 'missed' | null;
}

export interface AppreciationsTable {
  id: string;
  author_id: string;
  space_id: string;
  visibility: 'couple';
  text_sealed: string;
  noticed_on: string;
  created_at: string;
}

export interface CheckinsTable {
  id: string;
  author_id: string;
  space_id: string;
  visibility: 'private' | 'couple';
  local_date: string; // 'YYYY-MM-DD' in the author's zone when written
  connected: number;
  heard: number;
  mood: string;
  line_sealed: string | null;
  created_at: string;
  updated_at: string;
}

export interface CheckinRepliesTable {
  id: string;
  checkin_id: string;
  author_id: string;
  space_id: string;
  kind: string;
  reaction: string | null;
  text_sealed: string | null;
  created_at: string;
}

/** The check-in visibility a person chose last, offered as the default next time. */
export interface CheckinPreferencesTable {
  user_id: string;
  default_visibility: 'private' | 'couple';
  updated_at: string;
}

/** A person's private calendar feed: the token only as a keyed hash; show_titles 0/1. */
export interface CalendarFeedsTable {
  user_id: string;
  token_hash: string;
  show_titles: number;
  created_at: string;
  last_fetched_at: string | null;
}

/** What one person chose for reminders and channels (step 5); local times 'HH:MM' in their zone. */
export interface NotificationPreferencesTable {
  user_id: string;
  checkin_time: string | null;
  commitment_nudge_minutes: number | null;
  reflection_weekday: number | null; // ISO 1 = Monday; set together with reflection_time
  reflection_time: string | null;
  quiet_from: string | null; // set together with quiet_until; may wrap midnight
  quiet_until: string | null;
  email: number; // 0/1
  push: number; // 0/1
  updated_at: string;
}

/** One entry in a person's notification centre: no words, only a kind and what it is about. */
export interface NotificationsTable {
  id: string;
  user_id: string; // the recipient
  space_id: string;
  kind: string;
  subject_id: string | null;
  unread_key: string | null; // 'kind:subject' while unread, for the partner's kinds; null otherwise
  created_at: string;
  read_at: string | null;
}

/**
 * A browser that signed in to an account (decision 024): only a keyed hash of the cookie's id and
 * secret. Its sign-in failures are counted apart from those of unknown browsers.
 */
export interface KnownDevicesTable {
  id: string;
  user_id: string;
  secret_hash: string;
  created_at: string;
  last_used_at: string;
}

/**
 * A passkey (decision 024): one WebAuthn credential of one person. `counter` is a bigint column
 * (PostgreSQL answers it as a string): read it with Number().
 */
export interface PasskeysTable {
  id: string;
  user_id: string;
  /** base64url, unique across every account. */
  credential_id: string;
  /** The COSE public key, base64url. */
  public_key: string;
  counter: number | string;
  /** JSON array of the transports the browser reported. */
  transports: string;
  name_sealed: string;
  created_at: string;
  last_used_at: string | null;
}

/** A WebAuthn challenge handed out: single-use, 5 minutes; a sign-in's has no person yet. */
export interface WebauthnChallengesTable {
  id: string;
  purpose: 'register' | 'sign-in' | 'reauth';
  user_id: string | null;
  challenge: string;
  expires_at: string;
}

/** Step 5: one browser a person turned web push on in (endpoint, keys and label sealed). */
export interface PushSubscriptionsTable {
  id: string;
  user_id: string;
  endpoint_hash: string; // keyed hash of the endpoint, unique across people
  endpoint_sealed: string;
  keys_sealed: string; // { p256dh, auth } as JSON
  device_sealed: string;
  created_at: string;
  /** The session it was turned on from (null for rows made before migration 0020); ends with it. */
  session_id: string | null;
}

/** Step 5: one reminder a person will get (or got): planned ahead, claimed by a worker, sent once. No words. */
export interface RemindersTable {
  id: string;
  user_id: string;
  kind: string; // 'reminder.checkin' | 'reminder.commitment' | 'reminder.reflection'
  dedupe_key: string; // what it is about; unique per person (src/domain/reminders.ts)
  subject_id: string | null; // the commitment, for nudges
  send_at: string;
  useful_until: string;
  state: 'pending' | 'claimed' | 'sent' | 'skipped';
  claimed_by: string | null;
  lease_until: string | null;
  sent_at: string | null;
  created_at: string;
}

/** How far ahead a person's reminders are planned, and when the plan was made. */
export interface ReminderPlansTable {
  user_id: string;
  planned_until: string;
  planned_at: string;
}

/** Step 6: one weekly trust pulse per person per ISO week; the answers are the author's alone. */
export interface PulsesTable {
  id: string;
  author_id: string;
  space_id: string;
  visibility: 'private' | 'couple'; // sharing the score only, never the answers
  week_key: string; // ISO week 'YYYY-Www' in the author's zone when answered
  answers_json: string; // { [item id]: 1..7 }
  score: number; // 0..100, one decimal
  created_at: string;
  updated_at: string;
}

/** Step 6: one row per person, theirs alone. therapy_asked 0/1 feeds only their own private suggestion. */
export interface PersonPreferencesTable {
  user_id: string;
  therapy_asked: number; // 0/1
  updated_at: string;
}

export interface ClosenessDaysTable {
  id: string;
  space_id: string;
  day: string; // YYYY-MM-DD, the local date the question is for
  question_id: string;
  created_at: string;
}

export interface ClosenessAnswersTable {
  id: string;
  space_id: string;
  author_id: string;
  day: string;
  question_id: string;
  visibility: 'private' | 'couple';
  held: number; // 1: written while alone, offered for a reveal only once shared
  text_sealed: string;
  answered_at: string;
  edited_at: string | null;
  revealed_at: string | null;
}

export interface ClosenessResponsesTable {
  id: string;
  space_id: string;
  author_id: string;
  day: string;
  question_id: string;
  visibility: 'private' | 'couple';
  reaction: string | null;
  reply_sealed: string | null;
  talk_more: number;
  talk_draft_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ClosenessSkipsTable {
  id: string;
  user_id: string;
  space_id: string;
  day: string;
  created_at: string;
}

export interface ClosenessSeenTable {
  id: string;
  user_id: string;
  space_id: string;
  day: string; // a question day of the space offered to this person
  created_at: string;
}

export interface ClosenessThemesTable {
  id: string;
  space_id: string;
  theme: string | null; // null: any theme
  effective_from: string; // YYYY-MM-DD
  set_by: string;
  set_at: string;
}

export interface RitualPlansTable {
  id: string;
  user_id: string;
  ritual_id: string;
  schedule_json: string;
  commitment_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface JournalEntriesTable {
  id: string;
  user_id: string;
  text_sealed: string;
  mood: string | null;
  tags_sealed: string | null; // a sealed JSON array of tags
  prompt_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface TherapistAccessesTable {
  id: string;
  space_id: string;
  proposed_by: string;
  token_hash: string;
  email_sealed: string | null; // sealed under the proposer's key
  therapist_id: string | null;
  created_at: string;
  invite_expires_at: string;
  accepted_at: string | null;
  access_until: string;
  revoked_at: string | null;
  revoked_by: string | null;
  ended_at: string | null;
}

export interface TherapistConsentsTable {
  id: string;
  access_id: string;
  user_id: string;
  include_json: string;
  consented_at: string;
  updated_at: string;
}

export interface TherapistAccessLogTable {
  id: string;
  access_id: string;
  view: string;
  at: string;
}

/**
 * The ids of people whose accounts were erased (decision 025), nothing else: every start applies
 * them again, so a restored backup cannot bring an erased person back.
 */
export interface ErasedPeopleTable {
  user_id: string;
  erased_at: string;
}

export interface SummaryChoicesTable {
  id: string;
  user_id: string;
  space_id: string;
  notes_json: string;
  note_sealed: string | null;
  updated_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  spaces: SpacesTable;
  space_members: SpaceMembersTable;
  space_invites: SpaceInvitesTable;
  space_notices: SpaceNoticesTable;
  rate_limit_hits: RateLimitHitsTable;
  safety_checks: SafetyChecksTable;
  needs: NeedsTable;
  need_responses: NeedResponsesTable;
  agreements: AgreementsTable;
  events: EventsTable;
  event_sequence: EventSequenceTable;
  change_generations: ChangeGenerationsTable;
  cause_sets: CauseSetsTable;
  self_checks: SelfChecksTable;
  talk_drafts: TalkDraftsTable;
  conversations: ConversationsTable;
  conversation_turns: ConversationTurnsTable;
  acknowledgements: AcknowledgementsTable;
  acknowledgement_replies: AcknowledgementRepliesTable;
  commitments: CommitmentsTable;
  commitment_versions: CommitmentVersionsTable;
  commitment_pauses: CommitmentPausesTable;
  occurrence_marks: OccurrenceMarksTable;
  occurrence_acks: OccurrenceAcksTable;
  appreciations: AppreciationsTable;
  bids: BidsTable;
  idempotency_keys: IdempotencyKeysTable;
  checkins: CheckinsTable;
  checkin_replies: CheckinRepliesTable;
  checkin_preferences: CheckinPreferencesTable;
  notification_preferences: NotificationPreferencesTable;
  notifications: NotificationsTable;
  calendar_feeds: CalendarFeedsTable;
  push_subscriptions: PushSubscriptionsTable;
  known_devices: KnownDevicesTable;
  passkeys: PasskeysTable;
  webauthn_challenges: WebauthnChallengesTable;
  reminders: RemindersTable;
  reminder_plans: ReminderPlansTable;
  person_preferences: PersonPreferencesTable;
  pulses: PulsesTable;
  closeness_days: ClosenessDaysTable;
  closeness_answers: ClosenessAnswersTable;
  closeness_responses: ClosenessResponsesTable;
  closeness_skips: ClosenessSkipsTable;
  closeness_seen: ClosenessSeenTable;
  closeness_themes: ClosenessThemesTable;
  ritual_plans: RitualPlansTable;
  journal_entries: JournalEntriesTable;
  therapist_accesses: TherapistAccessesTable;
  therapist_consents: TherapistConsentsTable;
  therapist_access_log: TherapistAccessLogTable;
  summary_choices: SummaryChoicesTable;
  erased_people: ErasedPeopleTable;
}
