import { defineRoute } from '../../http/route.js';
import { mySelfChecks, readSelfCheck, recordSelfCheck, removeSelfCheck } from './self-checks.service.js';
import { SelfCheckBody, SelfCheckIdParams, SelfCheckList, SelfCheckView } from './understand.schema.js';

const tag = 'understand';

// A self-check is its author's alone. The list holds only the signed-in person's own; asking for
// anyone else's id answers exactly like an id that does not exist, so a partner cannot learn
// whether the other ever took one.

export const createSelfCheckRoute = defineRoute({
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
  handle: ({ deps, user, body }) => recordSelfCheck(deps, user.actor, body),
});

export const listSelfChecksRoute = defineRoute({
  id: 'understand.selfChecks.list',
  method: 'GET',
  path: '/api/v1/self-checks',
  tag,
  summary: 'My own self-checks, newest first (at most 100)',
  access: 'signed-in',
  success: { status: 200, schema: SelfCheckList },
  errors: [401],
  handle: ({ deps, user }) => mySelfChecks(deps, user.actor),
});

export const getSelfCheckRoute = defineRoute({
  id: 'understand.selfChecks.get',
  method: 'GET',
  path: '/api/v1/self-checks/:id',
  tag,
  summary: 'One of my self-checks',
  access: 'signed-in',
  params: SelfCheckIdParams,
  success: { status: 200, schema: SelfCheckView },
  errors: [400, 401, 404],
  handle: ({ deps, user, params }) => readSelfCheck(deps, user.actor, params.id),
});

export const deleteSelfCheckRoute = defineRoute({
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
  handle: async ({ deps, user, params }) => {
    await removeSelfCheck(deps, user.actor, params.id);
    return undefined;
  },
});

export const understandRoutes = [createSelfCheckRoute, listSelfChecksRoute, getSelfCheckRoute, deleteSelfCheckRoute];
