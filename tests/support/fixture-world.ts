/**
 * A small, consistent world of rows for the tables that hold people's data, with a value for every
 * column any version of the schema had. tests/integration/migrations-from-every-version.test.ts
 * writes it into the schema as it stood after each migration (only the tables and columns that
 * existed then) and checks that migrating to the newest keeps every value.
 *
 * Two partners (Ana and Ben) share one space; Thea is a therapist they invited. Sealed values and
 * wrapped keys are opaque strings here: a migration must carry them byte for byte, never read them.
 *
 * When a migration adds a NOT NULL column without a default to one of these tables, or a new table
 * that holds people's data, add its values here (the test names what is missing).
 */

export type FixtureValue = string | number | null;
export type FixtureRow = Record<string, FixtureValue>;

export interface FixtureTable {
  table: string;
  /** The columns that identify a row (the primary key). */
  key: readonly string[];
  rows: readonly FixtureRow[];
}

const T0 = '2026-03-02T08:00:00.000Z';
const T1 = '2026-03-02T09:30:00.000Z';
const T2 = '2026-03-03T18:15:00.000Z';
const T3 = '2026-03-04T07:45:00.000Z';
const LATER = '2026-06-01T00:00:00.000Z';

const ana = 'u-ana';
const ben = 'u-ben';
const thea = 'u-thea';
const space = 'space-1';

const sealed = (what: string): string => `v1.key-${what}.nonce.${Buffer.from(what).toString('base64url')}`;

const id = (name: string): readonly string[] => [name];
const ID = id('id');

/** Parents before children, so the rows can be inserted in this order with foreign keys on. */
export const FIXTURE_WORLD: readonly FixtureTable[] = [
  {
    table: 'users',
    key: ID,
    rows: [
      {
        id: ana,
        email: 'ana@example.test',
        name_sealed: sealed('name-ana'),
        password_hash: '$argon2id$v=19$m=19456,t=2,p=1$YW5hc2FsdA$aGFzaC1hbmE',
        data_key_wrapped: 'wrapped.master-1.ana-data-key',
        time_zone: 'Europe/Lisbon',
        created_at: T0,
        updated_at: T1,
        role: 'partner',
      },
      {
        id: ben,
        email: 'ben@example.test',
        name_sealed: sealed('name-ben'),
        password_hash: '$argon2id$v=19$m=19456,t=2,p=1$YmVuc2FsdA$aGFzaC1iZW4',
        data_key_wrapped: 'wrapped.master-1.ben-data-key',
        time_zone: 'America/New_York',
        created_at: T0,
        updated_at: T0,
        role: 'partner',
      },
      {
        id: thea,
        email: 'thea@example.test',
        name_sealed: sealed('name-thea'),
        password_hash: '$argon2id$v=19$m=19456,t=2,p=1$dGhlYXNhbHQ$aGFzaC10aGVh',
        data_key_wrapped: 'wrapped.master-1.thea-data-key',
        time_zone: 'Europe/Berlin',
        created_at: T1,
        updated_at: T1,
        role: 'therapist',
      },
    ],
  },
  { table: 'spaces', key: ID, rows: [{ id: space, created_at: T0 }] },
  {
    table: 'space_members',
    key: ID,
    rows: [
      { id: 'member-ana', space_id: space, user_id: ana, joined_at: T0, left_at: null },
      { id: 'member-ben', space_id: space, user_id: ben, joined_at: T1, left_at: null },
    ],
  },
  {
    table: 'sessions',
    key: ID,
    rows: [
      {
        id: 'session-ana',
        token_hash: 'hash-session-ana',
        user_id: ana,
        created_at: T0,
        last_used_at: T2,
        expires_at: LATER,
        device: 'Firefox on Linux',
        reauth_at: T2,
        fresh_reauth_at: T1,
      },
      {
        id: 'session-ben',
        token_hash: 'hash-session-ben',
        user_id: ben,
        created_at: T1,
        last_used_at: T1,
        expires_at: LATER,
        device: 'Safari on iPhone',
        reauth_at: null,
        fresh_reauth_at: null,
      },
    ],
  },
  {
    table: 'password_resets',
    key: ID,
    rows: [{ id: 'reset-ben', token_hash: 'hash-reset-ben', user_id: ben, created_at: T1, expires_at: T2, used_at: T1 }],
  },
  {
    table: 'space_invites',
    key: ID,
    rows: [
      {
        id: 'invite-1',
        space_id: space,
        created_by: ana,
        token_hash: 'hash-invite-1',
        created_at: T0,
        expires_at: T2,
        revoked_at: null,
        used_at: T1,
        used_by: ben,
      },
    ],
  },
  {
    table: 'space_notices',
    key: ID,
    rows: [{ id: 'notice-ana', user_id: ana, kind: 'partner_joined', created_at: T1, dismissed_at: T2 }],
  },
  {
    table: 'safety_checks',
    key: ID,
    rows: [{ id: 'safety-ana', user_id: ana, answers_sealed: sealed('safety-answers-ana'), updated_at: T1 }],
  },
  {
    table: 'self_checks',
    key: ID,
    rows: [{ id: 'self-ana', author_id: ana, ratings_sealed: sealed('ratings'), note_sealed: sealed('tired'), created_at: T1 }],
  },
  {
    table: 'cause_sets',
    key: ID,
    rows: [
      {
        id: 'causes-ana',
        author_id: ana,
        space_id: space,
        visibility: 'couple',
        marks_sealed: sealed('marks-ana'),
        revealed_at: T2,
        understanding_sealed: sealed('understanding-ana'),
        understanding_updated_at: T2,
        created_at: T1,
        updated_at: T2,
      },
    ],
  },
  {
    table: 'needs',
    key: ID,
    rows: [
      {
        id: 'need-ana',
        author_id: ana,
        space_id: space,
        visibility: 'couple',
        state: 'agreed',
        text_sealed: sealed('need-text'),
        shared_at: T1,
        edited_at: T1,
        created_at: T0,
        updated_at: T2,
      },
    ],
  },
  {
    table: 'need_responses',
    key: ID,
    rows: [
      {
        id: 'response-ben-proposal',
        need_id: 'need-ana',
        author_id: ben,
        space_id: space,
        kind: 'proposal',
        text_sealed: sealed('proposal'),
        created_at: T1,
      },
      {
        id: 'response-ana-accept',
        need_id: 'need-ana',
        author_id: ana,
        space_id: space,
        kind: 'accept',
        text_sealed: null,
        created_at: T2,
      },
    ],
  },
  {
    table: 'agreements',
    key: ID,
    rows: [
      {
        id: 'agreement-1',
        need_id: 'need-ana',
        space_id: space,
        proposal_id: 'response-ben-proposal',
        agreed_by: ana,
        agreed_at: T2,
      },
    ],
  },
  {
    table: 'events',
    key: ID,
    rows: [
      {
        id: 'event-1',
        space_id: space,
        author_id: ana,
        visibility: 'couple',
        audience_id: ben,
        kind: 'need.shared',
        subject_id: 'need-ana',
        created_at: T1,
        seq: 1,
      },
    ],
  },
  {
    table: 'talk_drafts',
    key: ID,
    rows: [
      {
        id: 'draft-ben',
        author_id: ben,
        space_id: space,
        visibility: 'private',
        text_sealed: sealed('draft'),
        created_at: T1,
        updated_at: T2,
      },
    ],
  },
  {
    table: 'conversations',
    key: ID,
    rows: [
      {
        id: 'conversation-1',
        author_id: ben,
        space_id: space,
        visibility: 'couple',
        mode: 'in_person',
        state_json: '{"turn":"u-ana","round":2}',
        version: 3,
        held_on: '2026-03-02',
        created_at: T1,
        updated_at: T2,
        ended_at: T2,
      },
    ],
  },
  {
    table: 'conversation_turns',
    key: ID,
    rows: [
      {
        id: 'turn-1',
        conversation_id: 'conversation-1',
        author_id: ben,
        recorded_by: ben,
        space_id: space,
        visibility: 'couple',
        kind: 'speak',
        seq: 1,
        text_sealed: sealed('turn-1'),
        created_at: T1,
      },
      {
        id: 'turn-2',
        conversation_id: 'conversation-1',
        author_id: ana,
        recorded_by: ben,
        space_id: space,
        visibility: 'couple',
        kind: 'reflect',
        seq: 2,
        text_sealed: null,
        created_at: T2,
      },
    ],
  },
  {
    table: 'acknowledgements',
    key: ID,
    rows: [
      {
        id: 'ack-ana',
        conversation_id: 'conversation-1',
        author_id: ana,
        space_id: space,
        visibility: 'couple',
        did_sealed: sealed('did'),
        effect_sealed: sealed('effect'),
        change_sealed: sealed('change'),
        created_at: T2,
      },
    ],
  },
  {
    table: 'acknowledgement_replies',
    key: ID,
    rows: [
      {
        id: 'ack-reply-ben',
        acknowledgement_id: 'ack-ana',
        author_id: ben,
        space_id: space,
        visibility: 'couple',
        felt: 'partly',
        missing_sealed: sealed('missing'),
        created_at: T3,
      },
    ],
  },
  {
    table: 'commitments',
    key: ID,
    rows: [
      {
        id: 'commitment-ben',
        space_id: space,
        author_id: ben,
        receiver_id: ana,
        agreement_id: 'agreement-1',
        visibility: 'couple',
        starts_on: '2026-03-03',
        created_at: T2,
        updated_at: T3,
        ended_at: null,
        ritual_id: 'weekly-walk',
      },
    ],
  },
  {
    table: 'commitment_versions',
    key: ID,
    rows: [
      {
        id: 'commitment-ben-v1',
        commitment_id: 'commitment-ben',
        author_id: ben,
        space_id: space,
        effective_from: T2,
        what_sealed: sealed('what'),
        schedule_json: '{"kind":"weekly","days":[1,4],"time":"19:00"}',
        zone: 'America/New_York',
        created_at: T2,
      },
    ],
  },
  {
    table: 'commitment_pauses',
    key: ID,
    rows: [
      {
        id: 'pause-1',
        commitment_id: 'commitment-ben',
        author_id: ben,
        space_id: space,
        from_at: T3,
        until_at: LATER,
        created_at: T3,
      },
    ],
  },
  {
    table: 'occurrence_marks',
    key: ID,
    rows: [
      {
        id: 'mark-1',
        commitment_id: 'commitment-ben',
        author_id: ben,
        space_id: space,
        occurrence_key: '2026-03-03',
        due_at: '2026-03-04T00:00:00.000Z',
        status: 'done',
        done_on: '2026-03-03',
        note_sealed: sealed('mark-note'),
        marked_at: T3,
      },
    ],
  },
  {
    table: 'occurrence_acks',
    key: ID,
    rows: [
      {
        id: 'occurrence-ack-1',
        commitment_id: 'commitment-ben',
        author_id: ana,
        space_id: space,
        occurrence_key: '2026-03-03',
        due_at: '2026-03-04T00:00:00.000Z',
        noticed: 1,
        helped: 2,
        acked_at: T3,
        // What 0023 fills in for older rows: the status of the mark it answered.
        answered: 'done',
      },
    ],
  },
  {
    table: 'appreciations',
    key: ID,
    rows: [
      {
        id: 'appreciation-ana',
        author_id: ana,
        space_id: space,
        visibility: 'couple',
        text_sealed: sealed('thanks'),
        noticed_on: '2026-03-03',
        created_at: T3,
      },
    ],
  },
  {
    table: 'checkins',
    key: ID,
    rows: [
      {
        id: 'checkin-ana',
        author_id: ana,
        space_id: space,
        visibility: 'couple',
        local_date: '2026-03-03',
        connected: 7,
        heard: 6,
        mood: 'calm',
        line_sealed: sealed('line'),
        created_at: T2,
        updated_at: T2,
      },
    ],
  },
  {
    table: 'checkin_replies',
    key: ID,
    rows: [
      {
        id: 'checkin-reply-ben',
        checkin_id: 'checkin-ana',
        author_id: ben,
        space_id: space,
        kind: 'note',
        reaction: 'heart',
        text_sealed: sealed('reply'),
        created_at: T3,
      },
    ],
  },
  {
    table: 'checkin_preferences',
    key: id('user_id'),
    rows: [{ user_id: ana, default_visibility: 'couple', updated_at: T2 }],
  },
  {
    table: 'bids',
    key: ID,
    rows: [
      {
        id: 'bid-ben',
        author_id: ben,
        space_id: space,
        visibility: 'private',
        kind: 'bid',
        text_sealed: sealed('bid'),
        at: T2,
        response: 'toward',
        created_at: T2,
        updated_at: T3,
      },
    ],
  },
  {
    table: 'idempotency_keys',
    key: ['user_id', 'key_hash'],
    rows: [
      {
        user_id: ana,
        key_hash: 'hash-key-1',
        route_id: 'needs.create',
        fingerprint: 'fingerprint-1',
        state: 'done',
        response_status: 201,
        response_sealed: sealed('response'),
        created_at: T0,
        updated_at: T0,
      },
    ],
  },
  {
    table: 'notification_preferences',
    key: id('user_id'),
    rows: [
      {
        user_id: ben,
        checkin_time: '20:30',
        commitment_nudge_minutes: 30,
        reflection_weekday: 7,
        reflection_time: '18:00',
        quiet_from: '22:00',
        quiet_until: '07:00',
        email: 1,
        push: 1,
        updated_at: T1,
      },
    ],
  },
  {
    table: 'notifications',
    key: ID,
    rows: [
      {
        id: 'notification-ben',
        user_id: ben,
        space_id: space,
        kind: 'need.shared',
        subject_id: 'need-ana',
        unread_key: 'need.shared:need-ana',
        created_at: T1,
        read_at: null,
      },
    ],
  },
  {
    table: 'calendar_feeds',
    key: id('user_id'),
    rows: [{ user_id: ben, token_hash: 'hash-calendar-ben', show_titles: 1, created_at: T1, last_fetched_at: T2 }],
  },
  {
    table: 'push_subscriptions',
    key: ID,
    rows: [
      {
        id: 'push-ben',
        user_id: ben,
        endpoint_hash: 'hash-endpoint-ben',
        endpoint_sealed: sealed('endpoint'),
        keys_sealed: sealed('push-keys'),
        device_sealed: sealed('phone'),
        created_at: T1,
        session_id: 'session-ben',
      },
    ],
  },
  {
    table: 'reminders',
    key: ID,
    rows: [
      {
        id: 'reminder-ben',
        user_id: ben,
        kind: 'commitment',
        dedupe_key: 'commitment:commitment-ben:2026-03-05',
        subject_id: 'commitment-ben',
        send_at: T3,
        useful_until: LATER,
        state: 'sent',
        claimed_by: 'worker-1',
        lease_until: T3,
        sent_at: T3,
        created_at: T2,
      },
    ],
  },
  {
    table: 'reminder_plans',
    key: id('user_id'),
    rows: [{ user_id: ben, planned_until: LATER, planned_at: T2 }],
  },
  {
    table: 'pulses',
    key: ID,
    rows: [
      {
        id: 'pulse-ana',
        author_id: ana,
        space_id: space,
        visibility: 'couple',
        week_key: '2026-W10',
        answers_json: '{"safe":6,"reliable":5,"open":7}',
        score: 83.3,
        created_at: T3,
        updated_at: T3,
      },
    ],
  },
  {
    table: 'person_preferences',
    key: id('user_id'),
    rows: [{ user_id: ana, therapy_asked: 1, updated_at: T3 }],
  },
  {
    table: 'closeness_days',
    key: ID,
    rows: [{ id: 'day-1', space_id: space, day: '2026-03-03', question_id: 'q-017', created_at: T2 }],
  },
  {
    table: 'closeness_answers',
    key: ID,
    rows: [
      {
        id: 'answer-ana',
        space_id: space,
        author_id: ana,
        day: '2026-03-03',
        question_id: 'q-017',
        visibility: 'couple',
        held: 1,
        text_sealed: sealed('answer'),
        answered_at: T2,
        edited_at: T2,
        revealed_at: T3,
      },
    ],
  },
  {
    table: 'closeness_responses',
    key: ID,
    rows: [
      {
        id: 'closeness-response-ben',
        space_id: space,
        author_id: ben,
        day: '2026-03-03',
        question_id: 'q-017',
        visibility: 'couple',
        reaction: 'smile',
        reply_sealed: sealed('closeness-reply'),
        talk_more: 1,
        talk_draft_id: 'draft-ben',
        created_at: T3,
        updated_at: T3,
      },
    ],
  },
  {
    table: 'closeness_skips',
    key: ID,
    rows: [{ id: 'skip-ben', user_id: ben, space_id: space, day: '2026-03-02', created_at: T1 }],
  },
  {
    table: 'closeness_seen',
    key: ID,
    rows: [{ id: 'seen-ana', user_id: ana, space_id: space, day: '2026-03-03', created_at: T2 }],
  },
  {
    table: 'closeness_themes',
    key: ID,
    rows: [{ id: 'theme-1', space_id: space, theme: 'play', effective_from: '2026-03-04', set_by: ana, set_at: T2 }],
  },
  {
    table: 'ritual_plans',
    key: ID,
    rows: [
      {
        id: 'ritual-ben',
        user_id: ben,
        ritual_id: 'weekly-walk',
        schedule_json: '{"kind":"weekly","days":[6],"time":"10:00"}',
        commitment_id: 'commitment-ben',
        created_at: T2,
        updated_at: T2,
      },
    ],
  },
  {
    table: 'journal_entries',
    key: ID,
    rows: [
      {
        id: 'journal-ana',
        user_id: ana,
        text_sealed: sealed('journal'),
        mood: 'hopeful',
        tags_sealed: sealed('tags'),
        prompt_id: 'prompt-3',
        created_at: T3,
        updated_at: T3,
      },
    ],
  },
  {
    table: 'therapist_accesses',
    key: ID,
    rows: [
      {
        id: 'access-1',
        space_id: space,
        proposed_by: ana,
        token_hash: 'hash-access-1',
        email_sealed: sealed('thea-email'),
        therapist_id: thea,
        created_at: T1,
        invite_expires_at: T3,
        accepted_at: T2,
        access_until: LATER,
        revoked_at: null,
        revoked_by: null,
        ended_at: null,
      },
    ],
  },
  {
    table: 'therapist_consents',
    key: ID,
    rows: [
      {
        id: 'consent-ana',
        access_id: 'access-1',
        user_id: ana,
        include_json: '["checkins","pulse"]',
        consented_at: T2,
        updated_at: T2,
      },
    ],
  },
  {
    table: 'therapist_access_log',
    key: ID,
    rows: [{ id: 'access-log-1', access_id: 'access-1', view: 'summary', at: T3 }],
  },
  {
    table: 'summary_choices',
    key: ID,
    rows: [
      {
        id: 'summary-ana',
        user_id: ana,
        space_id: space,
        notes_json: '["checkin-ana"]',
        note_sealed: sealed('summary-note'),
        updated_at: T3,
      },
    ],
  },
  {
    table: 'known_devices',
    key: ID,
    rows: [{ id: 'device-ana', user_id: ana, secret_hash: 'hash-device-ana', created_at: T0, last_used_at: T2 }],
  },
  {
    table: 'erased_people',
    key: id('user_id'),
    rows: [{ user_id: 'u-gone', erased_at: T1 }],
  },
  {
    table: 'passkeys',
    key: ID,
    rows: [
      {
        id: 'passkey-ana',
        user_id: ana,
        credential_id: 'Y3JlZGVudGlhbC1hbmE',
        public_key: 'cHVibGljLWtleS1hbmE',
        counter: 12,
        transports: '["internal","hybrid"]',
        name_sealed: sealed('laptop'),
        created_at: T2,
        last_used_at: T3,
      },
    ],
  },
];
