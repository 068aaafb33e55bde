import * as v from 'valibot';

// The export's format, version 1 (decision 025): everything one person wrote or chose in Attune,
// private and shared alike, and nothing their partner wrote. Where something of theirs answers
// something of the partner's (a reply to a check-in, an acknowledgement of a commitment, an answer to
// a need), the partner's thing is named by its id and date only. docs/export.schema.json is made from
// this schema (scripts/export-schema.ts) and a test keeps the two the same.

const d = v.description;
const Id = v.pipe(v.string(), d('An identifier (UUIDv7).'));
const Time = v.pipe(v.string(), v.isoTimestamp(), d('An instant, ISO 8601 in UTC.'));
const MaybeTime = v.nullable(Time);
const LocalDate = v.pipe(v.string(), v.isoDate(), d('A local date, YYYY-MM-DD, in the time zone the person had then.'));
const Visibility = v.pipe(
  v.picklist(['private', 'couple']),
  d("'private': the person's alone; 'couple': shared with their partner."),
);
const Words = v.pipe(v.string(), d('Words the person wrote, as they wrote them.'));
const MaybeWords = v.nullable(Words);
/** A structure the app stores as it was chosen (a schedule, answers by question): kept as is. */
const Stored = v.pipe(v.record(v.string(), v.unknown()), d('Stored as the app keeps it.'));

export const ExportAccount = v.strictObject({
  id: Id,
  email: v.string(),
  name: Words,
  timeZone: v.string(),
  role: v.picklist(['partner', 'therapist']),
  createdAt: Time,
});

export const ExportMembership = v.strictObject({ spaceId: Id, joinedAt: Time, leftAt: MaybeTime });

export const ExportReminders = v.strictObject({
  checkinTime: v.nullable(v.string()),
  commitmentNudgeMinutes: v.nullable(v.number()),
  reflectionWeekday: v.nullable(v.number()),
  reflectionTime: v.nullable(v.string()),
  quietFrom: v.nullable(v.string()),
  quietUntil: v.nullable(v.string()),
  email: v.boolean(),
  push: v.boolean(),
  updatedAt: Time,
});

export const ExportPreferences = v.strictObject({
  checkinVisibility: v.pipe(v.nullable(Visibility), d('The visibility a new check-in starts from.')),
  reminders: v.nullable(ExportReminders),
  therapyAsked: v.pipe(v.boolean(), d('Whether the person said they would like to think about therapy.')),
  calendarFeed: v.pipe(
    v.nullable(v.strictObject({ showTitles: v.boolean(), createdAt: Time })),
    d('Whether a private calendar feed exists (never its address).'),
  ),
  pushDevices: v.pipe(
    v.array(v.strictObject({ id: Id, device: Words, createdAt: Time })),
    d('Browsers web push was turned on in, by the name given (never their addresses or keys).'),
  ),
  closenessThemes: v.pipe(
    v.array(v.strictObject({ spaceId: Id, theme: v.nullable(v.string()), effectiveFrom: LocalDate, setAt: Time })),
    d('Themes of the question of the day this person chose.'),
  ),
});

export const ExportSafety = v.strictObject({ answers: v.record(v.string(), v.string()), updatedAt: Time });

export const ExportSelfCheck = v.strictObject({
  id: Id,
  ratings: v.record(v.string(), v.number()),
  note: MaybeWords,
  createdAt: Time,
});

export const ExportCauseSet = v.strictObject({
  id: Id,
  spaceId: Id,
  visibility: Visibility,
  marks: v.strictObject({
    causes: v.array(v.strictObject({ id: v.string(), note: MaybeWords })),
    ownWords: v.array(v.strictObject({ text: Words, note: MaybeWords })),
  }),
  revealedAt: MaybeTime,
  understanding: MaybeWords,
  understandingUpdatedAt: MaybeTime,
  createdAt: Time,
  updatedAt: Time,
});

export const ExportNeed = v.strictObject({
  id: Id,
  spaceId: Id,
  visibility: Visibility,
  state: v.string(),
  text: Words,
  sharedAt: MaybeTime,
  editedAt: MaybeTime,
  createdAt: Time,
  updatedAt: Time,
});

export const ExportNeedAnswer = v.strictObject({
  id: Id,
  needId: v.pipe(Id, d("The need answered: the person's own, or the partner's (named by id only).")),
  needIsMine: v.boolean(),
  kind: v.pipe(v.string(), d("'proposal', 'accept' or 'decline'.")),
  text: MaybeWords,
  createdAt: Time,
});

export const ExportAgreement = v.strictObject({
  id: Id,
  needId: Id,
  needIsMine: v.boolean(),
  agreedByMe: v.boolean(),
  agreedAt: Time,
  wording: v.pipe(MaybeWords, d("The words agreed on when they are this person's own; null when they are the partner's.")),
});

export const ExportDraft = v.strictObject({ id: Id, visibility: Visibility, text: Words, createdAt: Time, updatedAt: Time });

export const ExportConversation = v.strictObject({
  id: Id,
  startedByMe: v.boolean(),
  mode: v.string(),
  visibility: Visibility,
  heldOn: v.nullable(LocalDate),
  createdAt: Time,
  endedAt: MaybeTime,
});

export const ExportTurn = v.strictObject({
  id: Id,
  conversationId: Id,
  kind: v.pipe(v.string(), d("'share', 'reflect', 'confirm', 'clarify', 'takeaway' and the like.")),
  seq: v.number(),
  text: MaybeWords,
  recordedByMe: v.pipe(
    v.boolean(),
    d('False when the partner recorded it on their device, in a conversation held on one device.'),
  ),
  createdAt: Time,
});

export const ExportAcknowledgement = v.strictObject({
  id: Id,
  conversationId: Id,
  visibility: Visibility,
  did: Words,
  effect: Words,
  change: Words,
  createdAt: Time,
});

export const ExportAcknowledgementReply = v.strictObject({
  id: Id,
  acknowledgementId: v.pipe(Id, d("The partner's acknowledgement answered, by id only.")),
  felt: v.string(),
  missing: MaybeWords,
  createdAt: Time,
});

export const ExportCommitment = v.strictObject({
  id: Id,
  spaceId: Id,
  agreementId: v.nullable(Id),
  ritualId: v.nullable(v.string()),
  startsOn: LocalDate,
  createdAt: Time,
  endedAt: MaybeTime,
  versions: v.array(v.strictObject({ effectiveFrom: Time, what: Words, schedule: Stored, zone: v.string(), createdAt: Time })),
  pauses: v.array(v.strictObject({ from: Time, until: MaybeTime })),
  marks: v.pipe(
    v.array(
      v.strictObject({
        occurrence: v.string(),
        dueAt: Time,
        status: v.string(),
        doneOn: v.nullable(LocalDate),
        note: MaybeWords,
        markedAt: Time,
      }),
    ),
    d("This person's side of the log: done or missed, with their note."),
  ),
});

export const ExportOccurrenceAcknowledgement = v.strictObject({
  commitmentId: v.pipe(Id, d("The partner's commitment, by id only.")),
  occurrence: v.string(),
  dueAt: Time,
  noticed: v.boolean(),
  helped: v.nullable(v.number()),
  ackedAt: Time,
});

export const ExportAppreciation = v.strictObject({ id: Id, text: Words, noticedOn: LocalDate, createdAt: Time });

export const ExportCheckin = v.strictObject({
  id: Id,
  localDate: LocalDate,
  visibility: Visibility,
  connected: v.number(),
  heard: v.number(),
  mood: v.string(),
  line: MaybeWords,
  createdAt: Time,
  updatedAt: Time,
});

export const ExportCheckinReply = v.strictObject({
  id: Id,
  checkinId: v.pipe(Id, d("The partner's check-in, by id and date only.")),
  checkinDate: v.nullable(LocalDate),
  kind: v.string(),
  reaction: v.nullable(v.string()),
  text: MaybeWords,
  createdAt: Time,
});

export const ExportBid = v.strictObject({
  id: Id,
  kind: v.string(),
  text: MaybeWords,
  at: Time,
  response: v.nullable(v.string()),
  createdAt: Time,
  updatedAt: Time,
});

export const ExportPulse = v.strictObject({
  id: Id,
  week: v.string(),
  visibility: Visibility,
  answers: v.record(v.string(), v.number()),
  score: v.number(),
  createdAt: Time,
  updatedAt: Time,
});

export const ExportClosenessAnswer = v.strictObject({
  id: Id,
  day: LocalDate,
  questionId: v.string(),
  visibility: Visibility,
  held: v.boolean(),
  text: Words,
  answeredAt: Time,
  editedAt: MaybeTime,
  revealedAt: MaybeTime,
});

export const ExportClosenessResponse = v.strictObject({
  id: Id,
  day: LocalDate,
  questionId: v.string(),
  reaction: v.nullable(v.string()),
  reply: MaybeWords,
  talkMore: v.boolean(),
  createdAt: Time,
  updatedAt: Time,
});

export const ExportClosenessSkip = v.strictObject({ day: LocalDate, createdAt: Time });

export const ExportRitual = v.strictObject({
  ritualId: v.string(),
  schedule: Stored,
  commitmentId: v.nullable(Id),
  createdAt: Time,
  updatedAt: Time,
});

export const ExportJournalEntry = v.strictObject({
  id: Id,
  text: Words,
  tags: v.array(Words),
  mood: v.nullable(v.string()),
  promptId: v.nullable(v.string()),
  createdAt: Time,
  updatedAt: Time,
});

export const ExportTherapistConsent = v.strictObject({
  accessId: Id,
  include: v.pipe(v.array(v.string()), d('The kinds of page this person let the therapist see.')),
  consentedAt: Time,
  updatedAt: Time,
});

export const ExportTherapistProposal = v.strictObject({
  accessId: Id,
  email: v.pipe(v.nullable(v.string()), d("The therapist's email address as this person typed it, if they did.")),
  createdAt: Time,
});

export const ExportTherapistAccess = v.strictObject({
  accessId: Id,
  acceptedAt: MaybeTime,
  accessUntil: Time,
  revokedAt: MaybeTime,
  endedAt: MaybeTime,
});

export const ExportSummaryChoice = v.strictObject({
  spaceId: Id,
  includedNotes: v.pipe(v.array(v.string()), d('Which of their own shared notes this person chose for the printed summary.')),
  note: MaybeWords,
  updatedAt: Time,
});

export const ExportDocument = v.pipe(
  v.strictObject({
    format: v.literal('attune-export'),
    version: v.literal(1),
    exportedAt: Time,
    account: ExportAccount,
    spaces: v.pipe(v.array(ExportMembership), d('The spaces this person was a member of, and when.')),
    preferences: ExportPreferences,
    safety: v.nullable(ExportSafety),
    selfChecks: v.array(ExportSelfCheck),
    causes: v.array(ExportCauseSet),
    needs: v.array(ExportNeed),
    needAnswers: v.array(ExportNeedAnswer),
    agreements: v.pipe(v.array(ExportAgreement), d("Agreements on this person's needs, or that they agreed to.")),
    talkDrafts: v.array(ExportDraft),
    conversations: v.pipe(
      v.array(ExportConversation),
      d('Conversations this person started or took part in; the words are the turns.'),
    ),
    turns: v.array(ExportTurn),
    acknowledgements: v.array(ExportAcknowledgement),
    acknowledgementReplies: v.array(ExportAcknowledgementReply),
    commitments: v.pipe(v.array(ExportCommitment), d('Commitments this person acts on, with their side of the log.')),
    occurrenceAcknowledgements: v.pipe(
      v.array(ExportOccurrenceAcknowledgement),
      d("Whether this person noticed their partner's commitments, occurrence by occurrence."),
    ),
    appreciations: v.array(ExportAppreciation),
    checkins: v.array(ExportCheckin),
    checkinReplies: v.array(ExportCheckinReply),
    bids: v.array(ExportBid),
    pulses: v.array(ExportPulse),
    closenessAnswers: v.array(ExportClosenessAnswer),
    closenessResponses: v.array(ExportClosenessResponse),
    closenessSkips: v.array(ExportClosenessSkip),
    rituals: v.array(ExportRitual),
    journal: v.array(ExportJournalEntry),
    therapistConsents: v.array(ExportTherapistConsent),
    therapistProposals: v.array(ExportTherapistProposal),
    therapistAccesses: v.pipe(v.array(ExportTherapistAccess), d("A therapist's own accesses to couples (ids and dates only).")),
    summaryChoices: v.array(ExportSummaryChoice),
  }),
  v.title('Attune export'),
  d(
    'Everything one person wrote or chose in Attune, private and shared, and nothing their partner wrote. Where something of theirs answers something of the partner, the partner’s thing is named by its id and date only.',
  ),
);

export type ExportDocument = v.InferOutput<typeof ExportDocument>;
export type ExportPart<K extends keyof ExportDocument> = ExportDocument[K];
