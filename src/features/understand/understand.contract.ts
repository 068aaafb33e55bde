import { defineContract } from '../../http/contract.js';
import { SelfCheckBody, SelfCheckIdParams, SelfCheckList, SelfCheckView } from './understand.schema.js';

const tag = 'understand';

export const createSelfCheck = defineContract({
  id: 'understand.selfChecks.create',
  method: 'POST',
  path: '/api/v1/self-checks',
  tag,
  summary: 'Record a private self-check: each sign and effect rated 1 to 5, with an optional note',
  access: 'signed-in',
  idempotent: true,
  body: SelfCheckBody,
  success: { status: 201, schema: SelfCheckView },
  errors: [400, 401],
});

export const listSelfChecks = defineContract({
  id: 'understand.selfChecks.list',
  method: 'GET',
  path: '/api/v1/self-checks',
  tag,
  summary: 'My own self-checks, newest first (at most 100)',
  access: 'signed-in',
  success: { status: 200, schema: SelfCheckList },
  errors: [401],
});

export const getSelfCheck = defineContract({
  id: 'understand.selfChecks.get',
  method: 'GET',
  path: '/api/v1/self-checks/:id',
  tag,
  summary: 'One of my self-checks',
  access: 'signed-in',
  params: SelfCheckIdParams,
  success: { status: 200, schema: SelfCheckView },
  errors: [400, 401, 404],
});

export const deleteSelfCheck = defineContract({
  id: 'understand.selfChecks.delete',
  method: 'DELETE',
  path: '/api/v1/self-checks/:id',
  tag,
  summary: 'Delete one of my self-checks',
  access: 'signed-in',
  idempotent: true,
  params: SelfCheckIdParams,
  success: { status: 204 },
  errors: [400, 401, 404],
});

export const understandContracts = [createSelfCheck, listSelfChecks, getSelfCheck, deleteSelfCheck] as const;
