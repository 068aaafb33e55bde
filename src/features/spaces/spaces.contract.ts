import { defineContract } from '../../http/contract.js';
import {
  InviteCreated,
  InviteIdParams,
  InviteList,
  InvitePreview,
  InviteTokenParams,
  NoticeIdParams,
  SpaceView,
} from './spaces.schema.js';

const tag = 'spaces';

export const getSpace = defineContract({
  id: 'spaces.get',
  method: 'GET',
  path: '/api/v1/space',
  tag,
  summary: 'My space: who is in it, open invites, and any notice',
  access: 'signed-in',
  success: { status: 200, schema: SpaceView },
  errors: [401],
});

export const createInvite = defineContract({
  id: 'spaces.invites.create',
  method: 'POST',
  path: '/api/v1/space/invites',
  tag,
  summary: 'Make a single-use invite link for my partner (shown once, valid 7 days)',
  access: 'signed-in',
  idempotent: true,
  success: { status: 201, schema: InviteCreated },
  errors: [401, 409],
});

export const listInvites = defineContract({
  id: 'spaces.invites.list',
  method: 'GET',
  path: '/api/v1/space/invites',
  tag,
  summary: 'My open invites (the links themselves are never shown again)',
  access: 'signed-in',
  success: { status: 200, schema: InviteList },
  errors: [401],
});

export const revokeInvite = defineContract({
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
});

export const previewInvite = defineContract({
  id: 'spaces.invites.preview',
  method: 'GET',
  path: '/api/v1/invites/:token',
  tag,
  summary: 'Who an invite link is from (the link itself is the permission)',
  access: 'public',
  params: InviteTokenParams,
  success: { status: 200, schema: InvitePreview },
  errors: [400, 404],
});

export const acceptInvite = defineContract({
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
});

export const leaveSpace = defineContract({
  id: 'spaces.leave',
  method: 'POST',
  path: '/api/v1/space/leave',
  tag,
  summary:
    'Leave the shared space; each keeps their own words. Needs a fresh re-authentication on this session (403 reauth_required)',
  access: 'signed-in',
  idempotent: true,
  success: { status: 200, schema: SpaceView },
  errors: [401, 403, 409],
});

export const dismissNotice = defineContract({
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
});

export const spaceContracts = [
  getSpace,
  createInvite,
  listInvites,
  revokeInvite,
  previewInvite,
  acceptInvite,
  leaveSpace,
  dismissNotice,
] as const;
