import { bind } from '../../http/route.js';
import { mySelfChecks, readSelfCheck, recordSelfCheck, removeSelfCheck } from './self-checks.service.js';
import * as contract from './understand.contract.js';

// A self-check is its author's alone. The list holds only the signed-in person's own; asking for
// anyone else's id answers exactly like an id that does not exist, so a partner cannot learn
// whether the other ever took one.

export const createSelfCheckRoute = bind(contract.createSelfCheck, ({ deps, user, body }) =>
  recordSelfCheck(deps, user.actor, body),
);

export const listSelfChecksRoute = bind(contract.listSelfChecks, ({ deps, user }) => mySelfChecks(deps, user.actor));

export const getSelfCheckRoute = bind(contract.getSelfCheck, ({ deps, user, params }) =>
  readSelfCheck(deps, user.actor, params.id),
);

export const deleteSelfCheckRoute = bind(contract.deleteSelfCheck, async ({ deps, user, params }) => {
  await removeSelfCheck(deps, user.actor, params.id);
  return undefined;
});

export const understandRoutes = [createSelfCheckRoute, listSelfChecksRoute, getSelfCheckRoute, deleteSelfCheckRoute];
