import * as v from 'valibot';
import { isLocalDate } from '../../domain/zoned-time.js';
import { FiguresSchema } from '../commitments/log.schema.js';

// The printable summary (decision 023): agreements with their history, figures and trend verdicts for
// a period, and each partner's own part (the shared words they chose, and a note for the session).
// The therapist's summary view answers the same shape, limited to what both partners included. The
// agreement and figure sections are also the therapist's `agreements` and `figures` views. Types are
// inferred once and imported (type only) by the browser client.

export const SUMMARY_LIMITS = {
  /** Characters in the note for the session. */
  noteLength: 2000,
  /** Shared words one person can include. */
  notes: 100,
} as const;

const LocalDate = (message: string) => v.pipe(v.string(message), v.check(isLocalDate, message));

/**
 * Local days, both included. The defaults and bounds are each route's (domain/periods.ts): the summary,
 * figures and pulse the last 8 weeks (at most 52); a commitments log or check-ins the last 28 days.
 */
export const PeriodQuery = v.strictObject({
  from: v.optional(LocalDate('Please give the first day as a real date, YYYY-MM-DD.')),
  to: v.optional(LocalDate('Please give the last day as a real date, YYYY-MM-DD.')),
});

export const Verdict = v.object({
  verdict: v.picklist(['too-early', 'improving', 'steady', 'declining']),
  slopePerWeek: v.number(),
  p: v.number(),
  n: v.number(),
  /** The verdict in words, no numbers (domain/verdict-words.ts): "Too early to tell: …", "Improving (fairly sure)", "Steady". */
  words: v.string(),
});

export const ChartPoint = v.object({
  /** The Monday of the week, a local date. */
  at: v.string(),
  /** 0..100, one decimal. */
  value: v.number(),
});

/** One chart: its numbers, its verdict, and the same in a sentence (the text alternative beside the SVG). */
export const ChartSeries = v.object({
  /** Stable within one answer: 'overall:follow-through', 'doer:0:felt-rate', 'agreement:<id>:follow-through', 'pulse:1'. */
  id: v.string(),
  kind: v.picklist(['follow-through', 'felt-rate', 'pulse']),
  title: v.string(),
  unit: v.string(),
  /** Oldest first; weeks without a value are simply absent. */
  points: v.array(ChartPoint),
  verdict: Verdict,
  /** Every point and the verdict in plain words, for a text alternative and for print. */
  text: v.string(),
});

export const HistoryStep = v.object({
  kind: v.picklist(['proposal', 'accept', 'decline']),
  /** The first name of the partner who took this step. */
  by: v.string(),
  text: v.nullable(v.string()),
  at: v.string(),
});

export const AgreementEntry = v.object({
  id: v.string(),
  /** The first name of the partner whose need it was. */
  needBy: v.string(),
  need: v.string(),
  /** The need's words were changed after it was shared. */
  needEdited: v.boolean(),
  agreedAt: v.string(),
  /** The words agreed on, and who wrote them. */
  wording: v.nullable(v.object({ text: v.string(), by: v.string() })),
  /** The negotiation, oldest first. */
  history: v.array(HistoryStep),
});

export const AgreementsSection = v.object({
  agreements: v.array(AgreementEntry),
  /** More agreements than one answer holds (the newest are shown). */
  truncated: v.boolean(),
});

const FiguresWithSeries = { figures: FiguresSchema, series: v.array(ChartSeries) };

export const FiguresSection = v.object({
  /** The period, local days both included. */
  from: v.string(),
  to: v.string(),
  /** Monday-start weeks the series run over (the first and the last may be partial). */
  weeks: v.number(),
  /** Every commitment of the couple. */
  overall: v.object(FiguresWithSeries),
  /** Each partner as the one who acts: what they did, and what the other noticed of it. */
  byDoer: v.array(v.object({ doer: v.string(), ...FiguresWithSeries })),
  /** Each agreement that has commitments, oldest first. */
  agreements: v.array(
    v.object({
      agreementId: v.string(),
      /** The words agreed on; "Agreement 2" and the like where the reader may not see the agreements. */
      about: v.string(),
      ...FiguresWithSeries,
    }),
  ),
});

export const NOTE_KINDS = ['checkin-line', 'takeaway', 'turn', 'acknowledgement', 'understanding', 'closeness-answer'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** One of my own words my partner can already see, which I may include in the summary. */
export const Note = v.object({
  /** Stable: '<kind>:<id of what it was written in>'. */
  id: v.string(),
  kind: v.picklist(NOTE_KINDS),
  /** The local day it was written (for a check-in, its own day). */
  date: v.string(),
  text: v.string(),
  /** What it answers, when that helps reading it (a closeness question); else null. */
  about: v.nullable(v.string()),
});

export const Part = v.object({
  /** The first name of the partner whose part this is. */
  by: v.string(),
  /** The shared words they chose to include, newest first. */
  notes: v.array(Note),
  /** Their note for the session, when they wrote one. */
  note: v.nullable(v.string()),
});

export const SummaryView = v.object({
  from: v.string(),
  to: v.string(),
  /** The two partners' first names (one while alone). */
  names: v.array(v.string()),
  /** Null when it is not included (a therapist's summary shows it only when both partners included agreements). */
  agreements: v.nullable(AgreementsSection),
  /** Null when it is not included (a therapist's summary shows it only when both partners included figures). */
  figures: v.nullable(FiguresSection),
  /** Each partner's chosen part; a partner who chose nothing has none. */
  parts: v.array(Part),
  generatedAt: v.string(),
});

export const MySummary = v.object({
  /** The ids of the notes I include (only ones I can still include). */
  notes: v.array(v.string()),
  /** My note for the session: shown on the summary to both of us and, with consent, to a therapist. */
  note: v.nullable(v.string()),
  /** What I can include: my own words my partner already sees, newest first. */
  candidates: v.array(v.object({ ...Note.entries, included: v.boolean() })),
  hasPartner: v.boolean(),
  updatedAt: v.nullable(v.string()),
});

export const MySummaryBody = v.strictObject({
  notes: v.pipe(
    v.array(
      v.pipe(v.string('Please choose from the list.'), v.maxLength(120, 'Please choose from the list.')),
      'Please give a list.',
    ),
    v.maxLength(SUMMARY_LIMITS.notes, `Please choose at most ${SUMMARY_LIMITS.notes}.`),
    v.check((list) => new Set(list).size === list.length, 'Each one only needs choosing once.'),
  ),
  note: v.pipe(
    v.nullable(v.string('Please write the note as text.')),
    v.transform((s) => (s ?? '').trim()),
    v.maxLength(SUMMARY_LIMITS.noteLength, `Please keep the note to ${SUMMARY_LIMITS.noteLength} characters.`),
    v.transform((s) => (s === '' ? null : s)),
  ),
});

export type PeriodQuery = v.InferOutput<typeof PeriodQuery>;
export type ChartSeries = v.InferOutput<typeof ChartSeries>;
export type AgreementEntry = v.InferOutput<typeof AgreementEntry>;
export type AgreementsSection = v.InferOutput<typeof AgreementsSection>;
export type FiguresSection = v.InferOutput<typeof FiguresSection>;
export type Note = v.InferOutput<typeof Note>;
export type Part = v.InferOutput<typeof Part>;
export type SummaryView = v.InferOutput<typeof SummaryView>;
export type MySummary = v.InferOutput<typeof MySummary>;
export type MySummaryBody = v.InferInput<typeof MySummaryBody>;
