import { defineContract } from '../../http/contract.js';
import { IsItWorkingView, UnlockBody } from './reflection.schema.js';

const tag = 'reflection';

export const unlockReflection = defineContract({
  id: 'reflection.unlock',
  method: 'POST',
  path: '/api/v1/reflection/unlock',
  tag,
  summary: 'Enter my password again to open the private "Is it working?" reflection on this session',
  access: 'signed-in',
  body: UnlockBody,
  success: { status: 204 },
  errors: [400, 401, 429],
});

export const isItWorking = defineContract({
  id: 'reflection.isItWorking',
  method: 'GET',
  path: '/api/v1/reflection/is-it-working',
  tag,
  summary:
    'The facts about the needs I stated and what they suggest, private to me (a private place: open for 15 idle minutes after signing in or entering my password again)',
  access: 'signed-in',
  success: { status: 200, schema: IsItWorkingView },
  errors: [401, 403],
});

export const reflectionContracts = [unlockReflection, isItWorking] as const;
