import { defineContract } from '../../http/contract.js';
import { CausesView, MarksBody, UnderstandingBody } from './causes.schema.js';

const tag = 'causes';

export const getCauses = defineContract({
  id: 'causes.get',
  method: 'GET',
  path: '/api/v1/causes',
  tag,
  summary: 'My marks and whether I have shared them; whether my partner has; their marks and the comparison once we both have',
  access: 'signed-in',
  success: { status: 200, schema: CausesView },
  errors: [401],
});

export const putCauses = defineContract({
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
});

export const revealCauses = defineContract({
  id: 'causes.reveal',
  method: 'POST',
  path: '/api/v1/causes/reveal',
  tag,
  summary: 'Share my marks with my partner (they see them once they have shared theirs too)',
  access: 'signed-in',
  idempotent: true,
  success: { status: 200, schema: CausesView },
  errors: [401, 409],
});

export const putUnderstanding = defineContract({
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
});

export const deleteCauses = defineContract({
  id: 'causes.delete',
  method: 'DELETE',
  path: '/api/v1/causes',
  tag,
  summary: 'Forget my marks while only I can see them',
  access: 'signed-in',
  idempotent: true,
  success: { status: 204 },
  errors: [401, 409],
});

export const causeContracts = [getCauses, putCauses, revealCauses, putUnderstanding, deleteCauses] as const;
