import { defineRoute } from '../../http/route.js';
import { IsItWorkingView, UnlockBody } from './reflection.schema.js';
import { isItWorking, unlock } from './reflection.service.js';

const tag = 'reflection';

// Both routes act on the signed-in person's own session and facts: there is no id to ask for, so no
// one can reach anyone else's. Neither is idempotent on purpose: a replayable unlock would keep a
// row about it (the Idempotency-Key store), and a retry of it is harmless anyway.

export const unlockReflectionRoute = defineRoute({
  id: 'reflection.unlock',
  method: 'POST',
  path: '/api/v1/reflection/unlock',
  tag,
  summary: 'Enter my password again to open the private "Is it working?" reflection on this session',
  access: 'signed-in',
  body: UnlockBody,
  success: { status: 204 },
  errors: [400, 401, 429],
  handle: async ({ deps, user, body }) => {
    await unlock(deps, user, body.password);
    return undefined;
  },
});

export const isItWorkingRoute = defineRoute({
  id: 'reflection.isItWorking',
  method: 'GET',
  path: '/api/v1/reflection/is-it-working',
  tag,
  summary: 'The facts about the needs I stated and what they suggest, private to me (password re-entry within 15 minutes)',
  access: 'signed-in',
  success: { status: 200, schema: IsItWorkingView },
  errors: [401, 403],
  handle: ({ deps, user }) => isItWorking(deps, user),
});

export const reflectionRoutes = [unlockReflectionRoute, isItWorkingRoute];
