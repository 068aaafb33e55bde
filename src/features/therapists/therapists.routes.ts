import { bind } from '../../http/route.js';
import { requireFreshReauth } from '../auth/reauth.service.js';
import { acceptTherapistInvite, previewTherapistInvite, therapistCouples } from './therapist-account.service.js';
import * as contract from './therapists.contract.js';
import { consentTo, listAccesses, proposeAccess, revokeTherapist } from './therapists.service.js';

export const proposeRoute = bind(contract.propose, ({ deps, user, body }) => proposeAccess(deps, user.actor, body));

export const consentRoute = bind(contract.consent, ({ deps, user, params, body }) =>
  consentTo(deps, user.actor, params.id, body.include, () => requireFreshReauth(deps, user)),
);

export const listRoute = bind(contract.list, ({ deps, user }) => listAccesses(deps, user.actor));

export const revokeRoute = bind(contract.revoke, async ({ deps, user, params }) => {
  await revokeTherapist(deps, user.actor, params.id);
  return undefined;
});

export const previewRoute = bind(contract.preview, ({ deps, params }) => previewTherapistInvite(deps, params.token));

export const acceptRoute = bind(contract.accept, ({ c, deps, account, params, body }) =>
  acceptTherapistInvite(c, deps, account, params.token, body),
);

export const couplesRoute = bind(contract.couples, ({ deps, account }) => therapistCouples(deps, account));

export const therapistsRoutes = [proposeRoute, consentRoute, listRoute, revokeRoute, previewRoute, acceptRoute, couplesRoute];
