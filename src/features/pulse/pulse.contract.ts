import { defineContract } from '../../http/contract.js';
import { PulseBody, PulseIdParams, PulseOverview, PulseView, PulseWeekParams } from './pulse.schema.js';

const tag = 'pulse';

export const getPulse = defineContract({
  id: 'pulse.get',
  method: 'GET',
  path: '/api/v1/pulse',
  tag,
  summary:
    'This week’s trust pulse: the statements, my answers if given, my last 26 weeks of scores, and the scores my partner shared',
  access: 'signed-in',
  success: { status: 200, schema: PulseOverview },
  errors: [401],
});

export const putPulse = defineContract({
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
});

export const deletePulse = defineContract({
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
});

export const pulseContracts = [getPulse, putPulse, deletePulse] as const;
