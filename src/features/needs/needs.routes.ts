import { bind } from '../../http/route.js';
import * as contract from './needs.contract.js';
import {
  acceptProposal,
  createNeed,
  deleteNeed,
  editNeed,
  listAgreements,
  listNeeds,
  readAgreement,
  readNeed,
  respondToNeed,
  shareNeed,
} from './needs.service.js';

// Step 3, Needs. A need is its author's: a private draft answers 404 to everyone else, exactly like
// an id that does not exist. Once shared, the partner sees it (and its answers) but cannot change
// it (403); they answer it. Whose step it is comes from the state machine in domain/needs.ts:
// another person's step is 403, a step no one can take now is 409.

export const listNeedsRoute = bind(contract.listNeeds, ({ deps, user }) => listNeeds(deps, user.actor));

export const getNeedRoute = bind(contract.getNeed, ({ deps, user, params }) => readNeed(deps, user.actor, params.id));

export const createNeedRoute = bind(contract.createNeed, ({ deps, user, body }) => createNeed(deps, user.actor, body.text));

export const editNeedRoute = bind(contract.editNeed, ({ deps, user, params, body }) =>
  editNeed(deps, user.actor, params.id, body.text),
);

export const deleteNeedRoute = bind(contract.deleteNeed, async ({ deps, user, params }) => {
  await deleteNeed(deps, user.actor, params.id);
  return undefined;
});

export const shareNeedRoute = bind(contract.shareNeed, ({ deps, user, params }) => shareNeed(deps, user.actor, params.id));

export const respondNeedRoute = bind(contract.respondNeed, ({ deps, user, params, body }) =>
  respondToNeed(deps, user.actor, params.id, body),
);

export const acceptProposalRoute = bind(contract.acceptProposal, ({ deps, user, params }) =>
  acceptProposal(deps, user.actor, params.id, params.proposalId),
);

export const listAgreementsRoute = bind(contract.listAgreements, ({ deps, user }) => listAgreements(deps, user.actor));

export const getAgreementRoute = bind(contract.getAgreement, ({ deps, user, params }) =>
  readAgreement(deps, user.actor, params.id),
);

export const needRoutes = [
  listNeedsRoute,
  getNeedRoute,
  createNeedRoute,
  editNeedRoute,
  deleteNeedRoute,
  shareNeedRoute,
  respondNeedRoute,
  acceptProposalRoute,
  listAgreementsRoute,
  getAgreementRoute,
];
