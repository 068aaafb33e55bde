import { decideOwned } from '../../domain/access-policy.js';
import { enforce } from '../../http/enforce.js';
import { defineRoute } from '../../http/route.js';
import { toDbTime } from '../../shared/time.js';
import { dismissNotice, findNotice } from './notices.repo.js';
import {
  InviteCreated,
  InviteIdParams,
  InviteList,
  InvitePreview,
  InviteTokenParams,
  NoticeIdParams,
  SpaceView,
} from './spaces.schema.js';
import {
  acceptInvite,
  createInvite,
  leaveSpace,
  listInvites,
  previewInvite,
  spaceView,
  withdrawInvite,
} from './spaces.service.js';

const tag = 'spaces';

export const getSpaceRoute = defineRoute({
  id: 'spaces.get',
  method: 'GET',
  path: '/api/v1/space',
  tag,
  summary: 'My space: who is in it, open invites, and any notice',
  access: 'signed-in',
  success: { status: 200, schema: SpaceView },
  errors: [401],
  handle: ({ deps, user }) => spaceView(deps, user.actor),
});

export const createInviteRoute = defineRoute({
  id: 'spaces.invites.create',
  method: 'POST',
  path: '/api/v1/space/invites',
  tag,
  summary: 'Make a single-use invite link for my partner (shown once, valid 7 days)',
  access: 'signed-in',
  idempotent: true,
  success: { status: 201, schema: InviteCreated },
  errors: [401, 409],
  handle: ({ deps, user }) => createInvite(deps, user.actor),
});

export const listInvitesRoute = defineRoute({
  id: 'spaces.invites.list',
  method: 'GET',
  path: '/api/v1/space/invites',
  tag,
  summary: 'My open invites (the links themselves are never shown again)',
  access: 'signed-in',
  success: { status: 200, schema: InviteList },
  errors: [401],
  handle: ({ deps, user }) => listInvites(deps, user.actor),
});

export const revokeInviteRoute = defineRoute({
  id: 'spaces.invites.revoke',
  method: 'DELETE',
  path: '/api/v1/space/invites/:id',
  tag,
  summary: 'Withdraw an invite',
  access: 'signed-in',
  idempotent: true,
  params: InviteIdParams,
  success: { status: 204 },
  errors: [401, 404],
  handle: async ({ deps, user, params }) => {
    await withdrawInvite(deps, user.actor, params.id);
    return undefined;
  },
});

export const previewInviteRoute = defineRoute({
  id: 'spaces.invites.preview',
  method: 'GET',
  path: '/api/v1/invites/:token',
  tag,
  summary: 'Who an invite link is from (the link itself is the permission)',
  access: 'public',
  params: InviteTokenParams,
  success: { status: 200, schema: InvitePreview },
  errors: [400, 404],
  handle: ({ deps, params }) => previewInvite(deps, params.token),
});

export const acceptInviteRoute = defineRoute({
  id: 'spaces.invites.accept',
  method: 'POST',
  path: '/api/v1/invites/:token/accept',
  tag,
  summary: "Join the inviter's space",
  access: 'signed-in',
  idempotent: true,
  params: InviteTokenParams,
  success: { status: 200, schema: SpaceView },
  errors: [400, 401, 404, 409],
  handle: ({ deps, user, params }) => acceptInvite(deps, user.actor, params.token),
});

export const leaveSpaceRoute = defineRoute({
  id: 'spaces.leave',
  method: 'POST',
  path: '/api/v1/space/leave',
  tag,
  summary: 'Leave the shared space; each keeps their own words',
  access: 'signed-in',
  idempotent: true,
  success: { status: 200, schema: SpaceView },
  errors: [401, 409],
  handle: ({ deps, user }) => leaveSpace(deps, user.actor),
});

export const dismissNoticeRoute = defineRoute({
  id: 'spaces.notices.dismiss',
  method: 'DELETE',
  path: '/api/v1/space/notices/:id',
  tag,
  summary: 'Dismiss a notice',
  access: 'signed-in',
  idempotent: true,
  params: NoticeIdParams,
  success: { status: 204 },
  errors: [401, 404],
  handle: async ({ deps, user, params }) => {
    const notice = await findNotice(deps.db, params.id);
    enforce(decideOwned(user.actor, notice && { ownerId: notice.user_id }));
    await dismissNotice(deps.db, params.id, toDbTime(deps.clock.now()));
    return undefined;
  },
});

export const spaceRoutes = [
  getSpaceRoute,
  createInviteRoute,
  listInvitesRoute,
  revokeInviteRoute,
  previewInviteRoute,
  acceptInviteRoute,
  leaveSpaceRoute,
  dismissNoticeRoute,
];
