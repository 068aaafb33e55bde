import { bind } from '../../http/route.js';
import * as contract from './safety.contract.js';
import { forgetSafety, readSafety, saveSafety } from './safety.service.js';

// Every route here reads or writes only the signed-in person's own answers: there is no id to ask
// for, so no one can ask for anyone else's, and a partner's own (empty) check looks the same
// whether or not the other partner ever answered.

export const getSafetyRoute = bind(contract.getSafety, ({ deps, user }) => readSafety(deps, user.actor));

export const putSafetyRoute = bind(contract.putSafety, ({ deps, user, body }) => saveSafety(deps, user.actor, body.answers));

export const deleteSafetyRoute = bind(contract.deleteSafety, async ({ deps, user }) => {
  await forgetSafety(deps, user.actor);
  return undefined;
});

export const safetyRoutes = [getSafetyRoute, putSafetyRoute, deleteSafetyRoute];
