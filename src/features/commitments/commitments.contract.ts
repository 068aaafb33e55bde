import { defineContract } from '../../http/contract.js';
import { AppreciationBody, AppreciationList, AppreciationView } from './appreciations.schema.js';
import {
  ChangeCommitmentBody,
  CommitmentIdParams,
  CommitmentList,
  CommitmentView,
  CreateCommitmentBody,
} from './commitments.schema.js';
import { WindowQuery } from './log.schema.js';

const tag = 'commitments';

export const listCommitments = defineContract({
  id: 'commitments.list',
  method: 'GET',
  path: '/api/v1/commitments',
  tag,
  summary: "Our commitments, newest first (at most 100), with each of us's latest acknowledgement from Talk beside them",
  access: 'signed-in',
  success: { status: 200, schema: CommitmentList },
  errors: [401],
});

export const createCommitment = defineContract({
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
});

export const getCommitment = defineContract({
  id: 'commitments.get',
  method: 'GET',
  path: '/api/v1/commitments/:id',
  tag,
  summary: 'One commitment with every version of its words and schedule, and its pauses',
  access: 'signed-in',
  params: CommitmentIdParams,
  success: { status: 200, schema: CommitmentView },
  errors: [400, 401, 404],
});

export const changeCommitment = defineContract({
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
});

export const pauseCommitment = defineContract({
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
});

export const resumeCommitment = defineContract({
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
});

export const endCommitment = defineContract({
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
});

export const createAppreciation = defineContract({
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
});

export const listAppreciations = defineContract({
  id: 'appreciations.list',
  method: 'GET',
  path: '/api/v1/appreciations',
  tag,
  summary: 'Appreciations we wrote each other over local days from..to (at most 366; by default the last 4 weeks)',
  access: 'signed-in',
  query: WindowQuery,
  success: { status: 200, schema: AppreciationList },
  errors: [400, 401],
});

export const commitmentContracts = [
  listCommitments,
  createCommitment,
  getCommitment,
  changeCommitment,
  pauseCommitment,
  resumeCommitment,
  endCommitment,
  createAppreciation,
  listAppreciations,
] as const;
