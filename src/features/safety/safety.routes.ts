import { defineRoute } from '../../http/route.js';
import { SafetyBody, SafetyView } from './safety.schema.js';
import { forgetSafety, readSafety, saveSafety } from './safety.service.js';

const tag = 'safety';

// Every route here reads or writes only the signed-in person's own answers: there is no id to ask
// for, so no one can ask for anyone else's, and a partner's own (empty) check looks the same
// whether or not the other partner ever answered.

export const getSafetyRoute = defineRoute({
  id: 'safety.get',
  method: 'GET',
  path: '/api/v1/safety',
  tag,
  summary: 'My private safety check: my answers and whether they raise concern',
  access: 'signed-in',
  success: { status: 200, schema: SafetyView },
  errors: [401],
  handle: ({ deps, user }) => readSafety(deps, user.actor),
});

export const putSafetyRoute = defineRoute({
  id: 'safety.put',
  method: 'PUT',
  path: '/api/v1/safety',
  tag,
  summary: 'Save (or change) my private safety check answers',
  access: 'signed-in',
  idempotent: true,
  body: SafetyBody,
  success: { status: 200, schema: SafetyView },
  errors: [400, 401],
  handle: ({ deps, user, body }) => saveSafety(deps, user.actor, body.answers),
});

export const deleteSafetyRoute = defineRoute({
  id: 'safety.delete',
  method: 'DELETE',
  path: '/api/v1/safety',
  tag,
  summary: 'Forget my safety check answers',
  access: 'signed-in',
  idempotent: true,
  success: { status: 204 },
  errors: [401],
  handle: async ({ deps, user }) => {
    await forgetSafety(deps, user.actor);
    return undefined;
  },
});

export const safetyRoutes = [getSafetyRoute, putSafetyRoute, deleteSafetyRoute];
