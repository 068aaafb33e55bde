import * as v from 'valibot';
import { WALK_AWAY_REASONS } from '../../domain/walk-away.js';

// The private "Is it working?" reflection: the password entered again (unlock is an alias of
// auth.reauth), then the facts about the needs this person stated and the level from walkAwaySignals.
// Everything here is about the signed-in person alone; nothing in it names or describes the partner
// beyond their figures on my needs.

export const UnlockBody = v.strictObject({
  password: v.pipe(v.string('Please enter your password.'), v.nonEmpty('Please enter your password.'), v.maxLength(256)),
});

const Rate = v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1)));
const Verdict = v.picklist(['too-early', 'improving', 'steady', 'declining']);

export const IsItWorkingView = v.object({
  /** The instant the facts were read at. */
  asOf: v.string(),
  hasPartner: v.boolean(),
  facts: v.object({
    /** Honest conversations held in the space I share now: finished live ones and ones recorded in person. */
    conversations: v.number(),
    /** Agreements reached on my needs in the space I share now. */
    agreements: v.number(),
    /** When the first of them was reached (ISO instant); null when none yet. */
    firstAgreementAt: v.nullable(v.string()),
    /** Whole weeks since then; null when none yet. */
    weeksSinceFirstAgreement: v.nullable(v.number()),
    /** My partner's commitments made on my needs, over the last four weeks (local days, both included). */
    lastFourWeeks: v.object({
      from: v.string(),
      to: v.string(),
      commitments: v.number(),
      due: v.number(),
      done: v.number(),
      noticed: v.number(),
      /** My partner's follow-through on them, 0..1; null when nothing was due. */
      partnerFollowThrough: Rate,
      /** How much of it I felt, 0..1; null when nothing was due. */
      myFeltRate: Rate,
      /** The words of each commitment counted here (my partner's, on agreements about my needs). */
      counted: v.array(v.string()),
      /**
       * My partner's other commitments for me, still going, and why they are not counted here: made
       * outside any agreement, taken up as a connection ritual, or on an agreement about a need of theirs.
       */
      leftOut: v.array(v.object({ what: v.string(), why: v.picklist(['outside-agreement', 'ritual', 'not-my-need']) })),
    }),
    /** The trend of my own weekly trust pulse over the last `weeks` weeks. */
    pulse: v.object({
      weeks: v.number(),
      answered: v.number(),
      verdict: Verdict,
      slopePerWeek: v.number(),
      p: v.number(),
    }),
  }),
  signals: v.object({
    level: v.picklist(['too-early', 'keep-going', 'concern']),
    reasons: v.array(v.picklist(WALK_AWAY_REASONS)),
  }),
  /** My own safety check raises concern: safety planning and help lines come first. */
  safetyConcern: v.boolean(),
});

export type UnlockBody = v.InferInput<typeof UnlockBody>;
export type IsItWorkingView = v.InferOutput<typeof IsItWorkingView>;
