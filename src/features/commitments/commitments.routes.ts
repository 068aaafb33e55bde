import { defineRoute } from '../../http/route.js';
import { AppreciationBody, AppreciationList, AppreciationView } from './appreciations.schema.js';
import { appreciationsFor, createAppreciation } from './appreciations.service.js';
import {
  ChangeCommitmentBody,
  CommitmentIdParams,
  CommitmentList,
  CommitmentView,
  CreateCommitmentBody,
} from './commitments.schema.js';
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
import { WindowQuery } from './log.schema.js';

const tag = 'commitments';

// Step 4, Act: commitments. A commitment is one partner's promise to the other and is never
// private: both see it (another couple gets 404, like a missing one). Only the one who acts
// changes, pauses, resumes or ends it; the one it is for gets 403. A solo person has no one to
// make a commitment with (409 no_partner).

export const listCommitmentsRoute = defineRoute({
  id: 'commitments.list',
  method: 'GET',
  path: '/api/v1/commitments',
  tag,
  summary: "Our commitments, newest first (at most 100), with each of us's latest acknowledgement from Talk beside them",
  access: 'signed-in',
  success: { status: 200, schema: CommitmentList },
  errors: [401],
  handle: ({ deps, user }) => listCommitments(deps, user.actor),
});

export const createCommitmentRoute = defineRoute({
  id: 'commitments.create',
  method: 'POST',
  path: '/api/v1/commitments',
  tag,
  summary: 'Commit to doing something for my partner, from an agreement or directly, on a schedule in my time zone',
  access: 'signed-in',
  body: CreateCommitmentBody,
  idempotent: true,
  success: { status: 201, schema: CommitmentView },
  errors: [400, 401, 409],
  handle: ({ deps, user, body }) => createCommitment(deps, user.actor, body),
});

export const getCommitmentRoute = defineRoute({
  id: 'commitments.get',
  method: 'GET',
  path: '/api/v1/commitments/:id',
  tag,
  summary: 'One commitment with every version of its words and schedule, and its pauses',
  access: 'signed-in',
  params: CommitmentIdParams,
  success: { status: 200, schema: CommitmentView },
  errors: [400, 401, 404],
  handle: ({ deps, user, params }) => readCommitment(deps, user.actor, params.id),
});

export const changeCommitmentRoute = defineRoute({
  id: 'commitments.change',
  method: 'PATCH',
  path: '/api/v1/commitments/:id',
  tag,
  summary: 'Change the words or the schedule from now on (a new dated version; what came before keeps its own)',
  access: 'signed-in',
  params: CommitmentIdParams,
  body: ChangeCommitmentBody,
  idempotent: true,
  success: { status: 200, schema: CommitmentView },
  errors: [400, 401, 403, 404, 409],
  handle: ({ deps, user, params, body }) => changeCommitment(deps, user.actor, params.id, body),
});

export const pauseCommitmentRoute = defineRoute({
  id: 'commitments.pause',
  method: 'POST',
  path: '/api/v1/commitments/:id/pause',
  tag,
  summary: 'Pause from now: what falls in the pause is left out of every figure',
  access: 'signed-in',
  params: CommitmentIdParams,
  idempotent: true,
  success: { status: 200, schema: CommitmentView },
  errors: [400, 401, 403, 404, 409],
  handle: ({ deps, user, params }) => pauseCommitment(deps, user.actor, params.id),
});

export const resumeCommitmentRoute = defineRoute({
  id: 'commitments.resume',
  method: 'POST',
  path: '/api/v1/commitments/:id/resume',
  tag,
  summary: 'Resume a paused commitment from now',
  access: 'signed-in',
  params: CommitmentIdParams,
  idempotent: true,
  success: { status: 200, schema: CommitmentView },
  errors: [400, 401, 403, 404, 409],
  handle: ({ deps, user, params }) => resumeCommitment(deps, user.actor, params.id),
});

export const endCommitmentRoute = defineRoute({
  id: 'commitments.end',
  method: 'POST',
  path: '/api/v1/commitments/:id/end',
  tag,
  summary: 'End a commitment from now; what came before stays, with both sides of its log',
  access: 'signed-in',
  params: CommitmentIdParams,
  idempotent: true,
  success: { status: 200, schema: CommitmentView },
  errors: [400, 401, 403, 404, 409],
  handle: ({ deps, user, params }) => endCommitment(deps, user.actor, params.id),
});

export const createAppreciationRoute = defineRoute({
  id: 'appreciations.create',
  method: 'POST',
  path: '/api/v1/appreciations',
  tag,
  summary: 'Record something good my partner did that no commitment named (my partner sees it)',
  access: 'signed-in',
  body: AppreciationBody,
  idempotent: true,
  success: { status: 201, schema: AppreciationView },
  errors: [400, 401, 409],
  handle: ({ deps, user, body }) => createAppreciation(deps, user.actor, body),
});

export const listAppreciationsRoute = defineRoute({
  id: 'appreciations.list',
  method: 'GET',
  path: '/api/v1/appreciations',
  tag,
  summary: 'Appreciations we wrote each other over local days from..to (at most 366; by default the last 4 weeks)',
  access: 'signed-in',
  query: WindowQuery,
  success: { status: 200, schema: AppreciationList },
  errors: [400, 401],
  handle: ({ deps, user, query }) => appreciationsFor(deps, user.actor, query),
});

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
