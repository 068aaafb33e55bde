import { defineRoute } from '../../http/route.js';
import { PulseBody, PulseIdParams, PulseOverview, PulseView, PulseWeekParams } from './pulse.schema.js';
import { pulseOverview, removePulse, savePulse } from './pulse.service.js';

const tag = 'pulse';

// The weekly trust pulse. My answers are mine alone; my score is my partner's to see only when I
// share it. Only this week's pulse can be written; any of mine can be deleted.

export const getPulseRoute = defineRoute({
  id: 'pulse.get',
  method: 'GET',
  path: '/api/v1/pulse',
  tag,
  summary:
    'This week’s trust pulse: the statements, my answers if given, my last 26 weeks of scores, and the scores my partner shared',
  access: 'signed-in',
  success: { status: 200, schema: PulseOverview },
  errors: [401],
  handle: ({ deps, user }) => pulseOverview(deps, user.actor),
});

export const putPulseRoute = defineRoute({
  id: 'pulse.put',
  method: 'PUT',
  path: '/api/v1/pulse/:week',
  tag,
  summary:
    'Answer or change this week’s trust pulse (the week must be this one where I am); share the score, never the answers, if I choose',
  access: 'signed-in',
  params: PulseWeekParams,
  body: PulseBody,
  idempotent: true,
  success: { status: 200, schema: PulseView },
  errors: [400, 401, 409],
  handle: ({ deps, user, params, body }) => savePulse(deps, user.actor, params.week, body),
});

export const deletePulseRoute = defineRoute({
  id: 'pulse.delete',
  method: 'DELETE',
  path: '/api/v1/pulse/:id',
  tag,
  summary: 'Delete one of my trust pulses',
  access: 'signed-in',
  params: PulseIdParams,
  idempotent: true,
  success: { status: 204 },
  errors: [400, 401, 403, 404],
  handle: async ({ deps, user, params }) => {
    await removePulse(deps, user.actor, params.id);
    return undefined;
  },
});

export const pulseRoutes = [getPulseRoute, putPulseRoute, deletePulseRoute];
