import { defineContract } from '../../http/contract.js';
import { AdoptBody, RitualIdParams, RitualList, RitualView } from './rituals.schema.js';

const tag = 'rituals';

export const listRituals = defineContract({
  id: 'rituals.list',
  method: 'GET',
  path: '/api/v1/rituals',
  tag,
  summary: 'The connection rituals written for Attune, each with whether I chose it',
  access: 'signed-in',
  success: { status: 200, schema: RitualList },
  errors: [401],
});

export const adoptRitual = defineContract({
  id: 'rituals.adopt',
  method: 'PUT',
  path: '/api/v1/rituals/:ritualId/mine',
  tag,
  summary: 'Take up a ritual on a schedule I choose: a commitment in Act for my partner, or a plan while I am alone',
  access: 'signed-in',
  params: RitualIdParams,
  body: AdoptBody,
  idempotent: true,
  success: { status: 200, schema: RitualView },
  // 409: the partner left a moment ago, or the commitment was changed too many times to change again.
  errors: [400, 401, 404, 409],
});

export const dropRitual = defineContract({
  id: 'rituals.drop',
  method: 'DELETE',
  path: '/api/v1/rituals/:ritualId/mine',
  tag,
  summary: 'Stop a ritual I took up (its commitment ends; what was logged stays)',
  access: 'signed-in',
  params: RitualIdParams,
  idempotent: true,
  success: { status: 204 },
  // 409: the space was left a moment ago.
  errors: [400, 401, 404, 409],
});

export const ritualContracts = [listRituals, adoptRitual, dropRitual] as const;
