import { defineContract } from '../../http/contract.js';
import { SafetyBody, SafetyView } from './safety.schema.js';

const tag = 'safety';

export const getSafety = defineContract({
  id: 'safety.get',
  method: 'GET',
  path: '/api/v1/safety',
  tag,
  summary: 'My private safety check: my answers and whether they raise concern',
  access: 'signed-in',
  success: { status: 200, schema: SafetyView },
  errors: [401],
});

export const putSafety = defineContract({
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
});

export const deleteSafety = defineContract({
  id: 'safety.delete',
  method: 'DELETE',
  path: '/api/v1/safety',
  tag,
  summary: 'Forget my safety check answers',
  access: 'signed-in',
  idempotent: true,
  success: { status: 204 },
  errors: [401],
});

export const safetyContracts = [getSafety, putSafety, deleteSafety] as const;
