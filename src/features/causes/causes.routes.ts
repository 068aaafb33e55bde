import { bind } from '../../http/route.js';
import * as contract from './causes.contract.js';
import { forgetMarks, readCauses, replaceMarks, revealCauses, writeUnderstanding } from './causes.service.js';

// Step 2, Why. Every route acts on the signed-in person's own set in their current space: there
// is no id to ask for. The partner's set appears only through the access policy (once revealed),
// and its marks only once both have revealed.

export const getCausesRoute = bind(contract.getCauses, ({ deps, user }) => readCauses(deps, user.actor));

export const putCausesRoute = bind(contract.putCauses, ({ deps, user, body }) => replaceMarks(deps, user.actor, body));

export const revealCausesRoute = bind(contract.revealCauses, ({ deps, user }) => revealCauses(deps, user.actor));

export const putUnderstandingRoute = bind(contract.putUnderstanding, ({ deps, user, body }) =>
  writeUnderstanding(deps, user.actor, body.text),
);

export const deleteCausesRoute = bind(contract.deleteCauses, async ({ deps, user }) => {
  await forgetMarks(deps, user.actor);
  return undefined;
});

export const causeRoutes = [getCausesRoute, putCausesRoute, revealCausesRoute, putUnderstandingRoute, deleteCausesRoute];
