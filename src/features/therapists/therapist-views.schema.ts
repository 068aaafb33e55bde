import * as v from 'valibot';
import { MOODS, REACTIONS, REPLY_KINDS } from '../../domain/checkins.js';
import { CLOSENESS_REACTIONS } from '../../domain/closeness/limits.js';
import { ACKNOWLEDGEMENT_FELT, type AcknowledgementFelt, TALK_PHASES } from '../../domain/conversation.js';
import { FiguresSchema } from '../commitments/log.schema.js';
import { AgreementsSection, ChartSeries, FiguresSection } from '../summary/summary.schema.js';

// The therapist's read-only views of one couple (decision 023): couple items only, each attributed
// to a partner by first name. Every view answers 404 (the body of a couple that does not exist)
// unless both partners included it and the access is active now. Types are imported (type only) by
// the browser client.

/** Both partners' first names, in the order they joined the space: every `by` below is one of them. */
const Names = { names: v.array(v.string()) };

export const AgreementsView = v.object({ ...Names, ...AgreementsSection.entries });

export const FiguresView = v.object({ ...Names, ...FiguresSection.entries });

export const CommitmentsView = v.object({
  ...Names,
  from: v.string(),
  to: v.string(),
  commitments: v.array(
    v.object({
      id: v.string(),
      agreementId: v.nullable(v.string()),
      /** The partner who acts, and the one it is for. */
      doer: v.string(),
      for: v.string(),
      state: v.picklist(['upcoming', 'active', 'paused', 'ended']),
      what: v.string(),
      described: v.string(),
      zone: v.string(),
      startsOn: v.string(),
      createdAt: v.string(),
      endedAt: v.nullable(v.string()),
      versions: v.array(v.object({ from: v.string(), what: v.string(), described: v.string() })),
      pauses: v.array(v.object({ from: v.string(), until: v.nullable(v.string()) })),
      /** Over the window. */
      figures: FiguresSchema,
      /** Occurrences of the window already due, or marked or acknowledged, oldest first. */
      log: v.array(
        v.object({
          key: v.string(),
          localDate: v.string(),
          due: v.string(),
          paused: v.boolean(),
          counted: v.boolean(),
          mark: v.nullable(
            v.object({
              status: v.picklist(['done', 'missed']),
              doneOn: v.nullable(v.string()),
              note: v.nullable(v.string()),
              markedAt: v.string(),
            }),
          ),
          ack: v.nullable(v.object({ noticed: v.boolean(), helped: v.nullable(v.number()), ackedAt: v.string() })),
        }),
      ),
    }),
  ),
});

export const CheckinsView = v.object({
  ...Names,
  from: v.string(),
  to: v.string(),
  /** Shared check-ins only, newest day first. */
  checkins: v.array(
    v.object({
      id: v.string(),
      by: v.string(),
      date: v.string(),
      connected: v.number(),
      heard: v.number(),
      mood: v.picklist(MOODS),
      line: v.nullable(v.string()),
      replies: v.array(
        v.object({
          by: v.string(),
          kind: v.picklist(REPLY_KINDS),
          reaction: v.nullable(v.picklist(REACTIONS)),
          text: v.nullable(v.string()),
          at: v.string(),
        }),
      ),
    }),
  ),
  /** The 0..10 scales, for reading the numbers. */
  scale: v.object({ min: v.number(), max: v.number() }),
});

const FELT = ACKNOWLEDGEMENT_FELT as [AcknowledgementFelt, ...AcknowledgementFelt[]];

export const ConversationsView = v.object({
  ...Names,
  /** Conversations held together, newest first (never a private draft or a record kept by one person). */
  conversations: v.array(
    v.object({
      id: v.string(),
      mode: v.picklist(['two-devices', 'one-device']),
      phase: v.picklist(TALK_PHASES as [string, ...string[]]),
      startedBy: v.string(),
      rounds: v.number(),
      startedAt: v.string(),
      endedAt: v.nullable(v.string()),
      turns: v.array(
        v.object({
          kind: v.picklist(['share', 'reflect', 'clarify', 'confirm', 'takeaway']),
          by: v.string(),
          text: v.nullable(v.string()),
          at: v.string(),
        }),
      ),
      acknowledgements: v.array(
        v.object({
          by: v.string(),
          did: v.string(),
          effect: v.string(),
          change: v.string(),
          at: v.string(),
          reply: v.nullable(
            v.object({ by: v.string(), felt: v.picklist(FELT), missing: v.nullable(v.string()), at: v.string() }),
          ),
        }),
      ),
    }),
  ),
  truncated: v.boolean(),
});

const CauseMarks = v.object({
  causes: v.array(v.object({ id: v.string(), label: v.string(), note: v.nullable(v.string()) })),
  ownWords: v.array(v.object({ text: v.string(), note: v.nullable(v.string()) })),
});

export const CausesView = v.object({
  ...Names,
  /** Marks and the shared understanding show only once both partners revealed, as for the partners themselves. */
  bothRevealed: v.boolean(),
  /** Each partner who revealed what they marked. */
  partners: v.array(
    v.object({
      by: v.string(),
      revealedAt: v.string(),
      marks: v.nullable(CauseMarks),
      /** Their own part of the shared understanding. */
      understanding: v.nullable(v.string()),
    }),
  ),
  /** Once both revealed: the listed causes both marked, and the ones only one of them marked. */
  comparison: v.nullable(
    v.object({
      both: v.array(v.string()),
      onlyOne: v.array(v.object({ by: v.string(), causes: v.array(v.string()) })),
    }),
  ),
});

export const PulseView = v.object({
  ...Names,
  from: v.string(),
  to: v.string(),
  /** Each partner's shared weekly scores (never the answers), with the trend. */
  series: v.array(v.object({ by: v.string(), ...ChartSeries.entries })),
});

export const ClosenessView = v.object({
  ...Names,
  /** Question days both partners answered and revealed to each other, newest first. */
  pairs: v.array(
    v.object({
      day: v.string(),
      question: v.string(),
      theme: v.string(),
      answers: v.array(v.object({ by: v.string(), text: v.string(), answeredAt: v.string(), editedAt: v.nullable(v.string()) })),
      responses: v.array(
        v.object({
          by: v.string(),
          reaction: v.nullable(v.picklist(CLOSENESS_REACTIONS)),
          reply: v.nullable(v.string()),
          talkMore: v.boolean(),
        }),
      ),
    }),
  ),
  truncated: v.boolean(),
});

export type AgreementsView = v.InferOutput<typeof AgreementsView>;
export type FiguresView = v.InferOutput<typeof FiguresView>;
export type CommitmentsView = v.InferOutput<typeof CommitmentsView>;
export type CheckinsView = v.InferOutput<typeof CheckinsView>;
export type ConversationsView = v.InferOutput<typeof ConversationsView>;
export type CausesView = v.InferOutput<typeof CausesView>;
export type PulseView = v.InferOutput<typeof PulseView>;
export type ClosenessView = v.InferOutput<typeof ClosenessView>;
