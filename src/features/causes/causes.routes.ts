import { defineRoute } from '../../http/route.js';
import { CausesView, MarksBody, UnderstandingBody } from './causes.schema.js';
import { forgetMarks, readCauses, replaceMarks, revealCauses, writeUnderstanding } from './causes.service.js';

const tag = 'causes';

// Step 2, Why. Every route acts on the signed-in person's own set in their current space: there
// is no id to ask for. The partner's set appears only through the access policy (once revealed),
// and its marks only once both have revealed.

export const getCausesRoute = defineRoute({
  id: 'causes.get',
  method: 'GET',
  path: '/api/v1/causes',
  tag,
  summary: 'My marks and whether I have shared them; whether my partner has; their marks and the comparison once we both have',
  access: 'signed-in',
  success: { status: 200, schema: CausesView },
  errors: [401],
  handle: ({ deps, user }) => readCauses(deps, user.actor),
});

export const putCausesRoute = defineRoute({
  id: 'causes.put',
  method: 'PUT',
  path: '/api/v1/causes',
  tag,
  summary: 'Replace my marks while only I can see them',
  access: 'signed-in',
  idempotent: true,
  body: MarksBody,
  success: { status: 200, schema: CausesView },
  errors: [400, 401, 409],
  handle: ({ deps, user, body }) => replaceMarks(deps, user.actor, body),
});

export const revealCausesRoute = defineRoute({
  id: 'causes.reveal',
  method: 'POST',
  path: '/api/v1/causes/reveal',
  tag,
  summary: 'Share my marks with my partner (they see them once they have shared theirs too)',
  access: 'signed-in',
  idempotent: true,
  success: { status: 200, schema: CausesView },
  errors: [401, 409],
  handle: ({ deps, user }) => revealCauses(deps, user.actor),
});

export const putUnderstandingRoute = defineRoute({
  id: 'causes.understanding.put',
  method: 'PUT',
  path: '/api/v1/causes/understanding',
  tag,
  summary: 'Write my part of our shared understanding (once we have both shared); empty text clears it',
  access: 'signed-in',
  idempotent: true,
  body: UnderstandingBody,
  success: { status: 200, schema: CausesView },
  errors: [400, 401, 409],
  handle: ({ deps, user, body }) => writeUnderstanding(deps, user.actor, body.text),
});

export const deleteCausesRoute = defineRoute({
  id: 'causes.delete',
  method: 'DELETE',
  path: '/api/v1/causes',
  tag,
  summary: 'Forget my marks while only I can see them',
  access: 'signed-in',
  idempotent: true,
  success: { status: 204 },
  errors: [401, 409],
  handle: async ({ deps, user }) => {
    await forgetMarks(deps, user.actor);
    return undefined;
  },
});

export const causeRoutes = [getCausesRoute, putCausesRoute, revealCausesRoute, putUnderstandingRoute, deleteCausesRoute];
