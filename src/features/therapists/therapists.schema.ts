import * as v from 'valibot';
import { THERAPIST_ACCESS_MAX_DAYS, THERAPIST_VIEWS, type TherapistView } from '../../domain/therapist-access.js';

// Step 6, completed: a therapist invited by both partners' consent (decision 023).

const VIEWS = THERAPIST_VIEWS as unknown as [TherapistView, ...TherapistView[]];
const Id = (what: string) => v.pipe(v.string(), v.uuid(`That is not ${what} id.`));

export const AccessIdParams = v.strictObject({ id: Id('a therapist access') });
export const InviteTokenParams = v.strictObject({
  token: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{20,100}$/, 'That invitation link is not complete.')),
});

export const ProposeBody = v.strictObject({
  /** Where to send the invitation; null to hand the link over in person. */
  email: v.optional(
    v.nullable(
      v.pipe(
        v.string('Please write the email address as text.'),
        v.trim(),
        v.maxLength(254, 'Please check the email address.'),
        v.email('Please check the email address.'),
      ),
    ),
    null,
  ),
  /** How long access lasts once both of us consented (90 days unless we choose otherwise). */
  accessDays: v.optional(
    v.pipe(
      v.number('Please choose a number of days.'),
      v.integer('Please choose a whole number of days.'),
      v.minValue(1, 'Please choose at least one day.'),
      v.maxValue(THERAPIST_ACCESS_MAX_DAYS, `Please choose at most ${THERAPIST_ACCESS_MAX_DAYS} days.`),
    ),
  ),
});

export const Invited = v.object({
  id: v.string(),
  /** The address to open, for the therapist; the token inside is shown only here, once. */
  url: v.string(),
  token: v.string(),
});

export const ConsentBody = v.strictObject({
  include: v.pipe(
    v.array(v.picklist(VIEWS, 'Please choose from the kinds of things listed.'), 'Please give the kinds as a list.'),
    v.check((list) => new Set(list).size === list.length, 'Each kind only needs choosing once.'),
  ),
});

export const LogEntry = v.object({ view: v.picklist(VIEWS), at: v.string() });

export const AccessView = v.object({
  id: v.string(),
  state: v.picklist(['waiting', 'active', 'revoked', 'expired', 'ended']),
  /** The therapist's name once they accepted; null before. */
  therapistName: v.nullable(v.string()),
  proposedByMe: v.boolean(),
  createdAt: v.string(),
  /** Until when the invitation link can be used (it stops working once accepted). */
  inviteExpiresAt: v.string(),
  accessUntil: v.string(),
  /** What each of us included (null: not consented yet). */
  myInclude: v.nullable(v.array(v.picklist(VIEWS))),
  partnerInclude: v.nullable(v.array(v.picklist(VIEWS))),
  /** What the therapist may see now: what both of us included, while access is active. */
  visible: v.array(v.picklist(VIEWS)),
  /** Every view the therapist opened, newest first (what kind of page and when, never content). */
  log: v.array(LogEntry),
});

export const AccessList = v.object({ accesses: v.array(AccessView) });

export const InvitePreview = v.object({
  /** Tells nothing about the couple: only whether the link can still be used. */
  usable: v.boolean(),
});

export const AcceptBody = v.union(
  [
    v.strictObject({}),
    v.strictObject({
      email: v.pipe(
        v.string('Please write your email address.'),
        v.trim(),
        v.email('Please check the email address.'),
        v.maxLength(254),
      ),
      password: v.pipe(v.string('Please choose a password.'), v.maxLength(256)),
      name: v.pipe(v.string('Please write your name.'), v.trim(), v.nonEmpty('Please write your name.'), v.maxLength(80)),
    }),
  ],
  'Please send your email, a password and your name to make a therapist account, or nothing if you are signed in.',
);

export const Accepted = v.object({
  /** The access, as the therapist will find it in their list once both partners consented. */
  id: v.string(),
  state: v.picklist(['waiting', 'active']),
});

export const CoupleList = v.object({
  couples: v.array(
    v.object({
      id: v.string(),
      names: v.array(v.string()),
      accessUntil: v.string(),
      /** The views both partners included: the couple page's tabs (the others are simply absent). */
      views: v.array(v.picklist(VIEWS)),
    }),
  ),
  /** Invitations accepted that still wait for both partners: nothing else is told about them. */
  waiting: v.number(),
});

export type AccessView = v.InferOutput<typeof AccessView>;
export type AccessList = v.InferOutput<typeof AccessList>;
export type CoupleList = v.InferOutput<typeof CoupleList>;
export type Invited = v.InferOutput<typeof Invited>;
export type InvitePreview = v.InferOutput<typeof InvitePreview>;
export type Accepted = v.InferOutput<typeof Accepted>;
