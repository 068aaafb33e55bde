import { bind } from '../../http/route.js';
import { reauthenticate } from '../auth/reauth.service.js';
import * as contract from './reflection.contract.js';
import { isItWorking } from './reflection.service.js';

// Both routes act on the signed-in person's own session and facts: there is no id to ask for, so no
// one can reach anyone else's. Unlocking is an alias of POST /auth/reauth (decision 022): the same
// function, the same stamps. Neither route is idempotent on purpose: a replayable unlock would keep a
// row about it (the Idempotency-Key store), and a retry of it is harmless anyway.

export const unlockReflectionRoute = bind(contract.unlockReflection, async ({ deps, user, body }) => {
  await reauthenticate(deps, user, body.password);
  return undefined;
});

export const isItWorkingRoute = bind(contract.isItWorking, ({ deps, user }) => isItWorking(deps, user));

export const reflectionRoutes = [unlockReflectionRoute, isItWorkingRoute];
