import * as v from 'valibot';
import { BID_KINDS, BID_LIMITS, BID_RESPONSES, type BidKind, type BidResponse } from '../../domain/bids.js';
import { isLocalDate } from '../../domain/zoned-time.js';

// Request and response schemas for bids and affection (step 4, Act): a log only its author sees.
// Types are inferred once and imported (type only) by the browser client.

const L = BID_LIMITS;
const KINDS = BID_KINDS as unknown as [BidKind, ...BidKind[]];
const RESPONSES = BID_RESPONSES as unknown as [BidResponse, ...BidResponse[]];

const Kind = v.picklist(KINDS, 'Please choose a gesture of affection or a time you reached out.');
const Response = v.nullable(v.picklist(RESPONSES, 'Please choose turned toward, turned away or turned against, or none.'));

/** A few optional words: blank means none. */
const Words = v.pipe(
  v.nullable(v.string('Please write this as text.')),
  v.transform((s) => (s ?? '').trim()),
  v.maxLength(L.textLength, `Please keep this to ${L.textLength} characters.`),
  v.transform((s) => (s === '' ? null : s)),
);

/** When it happened: an ISO date-time with a zone ("2026-03-02T19:30:00Z"); the service checks it is not ahead of now. */
const At = v.pipe(
  v.string('Please give the time as an ISO date and time.'),
  v.isoTimestamp('Please give the time as an ISO date and time, such as 2026-03-02T19:30:00Z.'),
  // A date JavaScript would roll over (30 February becomes 2 March) does not exist either.
  v.check((s) => isLocalDate(s.slice(0, 10)) && !Number.isNaN(new Date(s).getTime()), 'That time does not exist.'),
);

const LocalDay = v.pipe(v.string(), v.check(isLocalDate, 'Please give the date as year-month-day.'));

export const BidIdParams = v.strictObject({ id: v.pipe(v.string(), v.uuid('That is not a bid id.')) });

export const CreateBidBody = v.strictObject({
  kind: Kind,
  text: v.optional(Words, null),
  at: v.optional(At),
  response: v.optional(Response, null),
});

/** Any of the four; a field left out stays as it was, and `null` clears words or a response. */
export const PatchBidBody = v.strictObject({
  kind: v.optional(Kind),
  text: v.optional(Words),
  at: v.optional(At),
  response: v.optional(Response),
});

/** Local dates in my zone, both included; by default the last two weeks up to today. */
export const BidListQuery = v.strictObject({ from: v.optional(LocalDay), to: v.optional(LocalDay) });

export const BidSummaryQuery = v.strictObject({
  weeks: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, `Please choose a whole number of weeks, from 1 to ${L.weeksMax}.`),
      v.transform(Number),
      v.minValue(1, `Please choose a whole number of weeks, from 1 to ${L.weeksMax}.`),
      v.maxValue(L.weeksMax, `Please choose a whole number of weeks, from 1 to ${L.weeksMax}.`),
    ),
  ),
});

export const BidView = v.object({
  id: v.string(),
  kind: v.picklist(KINDS),
  text: v.nullable(v.string()),
  /** When it happened (UTC). */
  at: v.string(),
  /** The local day it happened on, in my zone. */
  localDate: v.string(),
  response: v.nullable(v.picklist(RESPONSES)),
  /** Logged while I shared a space I no longer share: still mine, left out of the weekly figures. */
  fromEarlierSpace: v.boolean(),
  createdAt: v.string(),
  updatedAt: v.string(),
});

export const BidList = v.object({
  from: v.string(),
  to: v.string(),
  /** My zone, which the local dates are in. */
  timeZone: v.string(),
  /** Newest first. */
  bids: v.array(BidView),
  /** True when the window held more than the list holds (the newest are shown). */
  truncated: v.boolean(),
});

const Tally = {
  gestures: v.number(),
  bids: v.number(),
  toward: v.number(),
  away: v.number(),
  against: v.number(),
  unmarked: v.number(),
  /** toward ÷ marked bids, 0..1; null when none is marked. */
  ratio: v.nullable(v.number()),
};

export const BidWeek = v.object({ weekStart: v.string(), ...Tally });
export const BidTally = v.object(Tally);

export const BidSummary = v.object({
  /** The first Monday and the last Sunday of the window, in my zone. */
  from: v.string(),
  to: v.string(),
  timeZone: v.string(),
  /** Oldest first; the last one is this week. */
  weeks: v.array(BidWeek),
  total: BidTally,
});

export type CreateBidBody = v.InferInput<typeof CreateBidBody>;
export type PatchBidBody = v.InferInput<typeof PatchBidBody>;
export type BidView = v.InferOutput<typeof BidView>;
export type BidList = v.InferOutput<typeof BidList>;
export type BidWeek = v.InferOutput<typeof BidWeek>;
export type BidSummary = v.InferOutput<typeof BidSummary>;
