import { bind } from '../../http/route.js';
import { appreciationsFor, createAppreciation } from './appreciations.service.js';
import * as contract from './commitments.contract.js';
import {
  changeCommitment,
  createCommitment,
  endCommitment,
  listCommitments,
  pauseCommitment,
  readCommitment,
  resumeCommitment,
} from './commitments.service.js';
import { logRoutes } from './log.routes.js';

// Step 4, Act: commitments. A commitment is one partner's promise to the other and is never
// private: both see it (another couple gets 404, like a missing one). Only the one who acts
// changes, pauses, resumes or ends it; the one it is for gets 403. A solo person has no one to
// make a commitment with (409 no_partner).

export const listCommitmentsRoute = bind(contract.listCommitments, ({ deps, user }) => listCommitments(deps, user.actor));

export const createCommitmentRoute = bind(contract.createCommitment, ({ deps, user, body }) =>
  createCommitment(deps, user.actor, body),
);

export const getCommitmentRoute = bind(contract.getCommitment, ({ deps, user, params }) =>
  readCommitment(deps, user.actor, params.id),
);

export const changeCommitmentRoute = bind(contract.changeCommitment, ({ deps, user, params, body }) =>
  changeCommitment(deps, user.actor, params.id, body),
);

export const pauseCommitmentRoute = bind(contract.pauseCommitment, ({ deps, user, params }) =>
  pauseCommitment(deps, user.actor, params.id),
);

export const resumeCommitmentRoute = bind(contract.resumeCommitment, ({ deps, user, params }) =>
  resumeCommitment(deps, user.actor, params.id),
);

export const endCommitmentRoute = bind(contract.endCommitment, ({ deps, user, params }) =>
  endCommitment(deps, user.actor, params.id),
);

export const createAppreciationRoute = bind(contract.createAppreciation, ({ deps, user, body }) =>
  createAppreciation(deps, user.actor, body),
);

export const listAppreciationsRoute = bind(contract.listAppreciations, ({ deps, user, query }) =>
  appreciationsFor(deps, user.actor, query),
);

export const commitmentRoutes = [
  listCommitmentsRoute,
  createCommitmentRoute,
  getCommitmentRoute,
  changeCommitmentRoute,
  pauseCommitmentRoute,
  resumeCommitmentRoute,
  endCommitmentRoute,
  createAppreciationRoute,
  listAppreciationsRoute,
  ...logRoutes,
];
