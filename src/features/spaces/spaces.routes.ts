import { decideOwned } from '../../domain/access-policy.js';
import { bind } from '../../http/route.js';
import { enforce } from '../../shared/enforce.js';
import { toDbTime } from '../../shared/time.js';
import { requireFreshReauth } from '../auth/reauth.service.js';
import { dismissNotice, findNotice } from './notices.repo.js';
import * as contract from './spaces.contract.js';
import {
  acceptInvite,
  createInvite,
  leaveSpace,
  listInvites,
  previewInvite,
  spaceView,
  withdrawInvite,
} from './spaces.service.js';

export const getSpaceRoute = bind(contract.getSpace, ({ deps, user }) => spaceView(deps, user.actor));

export const createInviteRoute = bind(contract.createInvite, ({ deps, user }) => createInvite(deps, user.actor));

export const listInvitesRoute = bind(contract.listInvites, ({ deps, user }) => listInvites(deps, user.actor));

export const revokeInviteRoute = bind(contract.revokeInvite, async ({ deps, user, params }) => {
  await withdrawInvite(deps, user.actor, params.id);
  return undefined;
});

export const previewInviteRoute = bind(contract.previewInvite, ({ deps, params }) => previewInvite(deps, params.token));

export const acceptInviteRoute = bind(contract.acceptInvite, ({ deps, user, params }) =>
  acceptInvite(deps, user.actor, params.token),
);

// Closing the space for both needs the password typed in the last five minutes on this session
// (decision 024): someone holding an open session cannot do it in one tap. Alone, there is nothing
// to leave (409), and no password is asked for that.
export const leaveSpaceRoute = bind(contract.leaveSpace, async ({ deps, user }) => {
  if (user.actor.partnerId) await requireFreshReauth(deps, user);
  return leaveSpace(deps, user.actor);
});

export const dismissNoticeRoute = bind(contract.dismissNotice, async ({ deps, user, params }) => {
  const notice = await findNotice(deps.db, params.id);
  enforce(decideOwned(user.actor, notice && { ownerId: notice.user_id }));
  await dismissNotice(deps.db, params.id, toDbTime(deps.clock.now()));
  return undefined;
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
