import * as v from 'valibot';

export const MemberView = v.object({
  id: v.string(),
  name: v.string(),
  you: v.boolean(),
  joinedAt: v.string(),
});

/** A neutral notice: it says only that the shared space was left, and when. */
export const SpaceNotice = v.object({
  id: v.string(),
  kind: v.literal('partner-left'),
  at: v.string(),
});

export const SpaceView = v.object({
  id: v.string(),
  members: v.array(MemberView),
  partner: v.nullable(v.object({ id: v.string(), name: v.string() })),
  openInvites: v.number(),
  notice: v.nullable(SpaceNotice),
});

export const InviteView = v.object({
  id: v.string(),
  createdAt: v.string(),
  expiresAt: v.string(),
});

/** Returned once, when the invite is made: the link is never shown again. */
export const InviteCreated = v.object({
  id: v.string(),
  createdAt: v.string(),
  expiresAt: v.string(),
  token: v.string(),
  url: v.string(),
});

export const InviteList = v.object({ invites: v.array(InviteView) });

export const InviteIdParams = v.strictObject({ id: v.pipe(v.string(), v.uuid('That is not an invite id.')) });
export const InviteTokenParams = v.strictObject({
  token: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22,100}$/, 'That is not an invite code.')),
});
export const NoticeIdParams = v.strictObject({ id: v.pipe(v.string(), v.uuid('That is not a notice id.')) });

export const InvitePreview = v.object({
  inviterName: v.string(),
  expiresAt: v.string(),
});

export type MemberView = v.InferOutput<typeof MemberView>;
export type SpaceView = v.InferOutput<typeof SpaceView>;
export type InviteView = v.InferOutput<typeof InviteView>;
export type InviteCreated = v.InferOutput<typeof InviteCreated>;
export type InviteList = v.InferOutput<typeof InviteList>;
export type InvitePreview = v.InferOutput<typeof InvitePreview>;
