import { defineContract } from '../../http/contract.js';
import { ChangePasswordBody } from './auth.schema.js';

// Your account, safe from a partner with access (decision 024): changing the password while signed in.

export const changePassword = defineContract({
  id: 'auth.password',
  method: 'POST',
  path: '/api/v1/auth/password',
  tag: 'account',
  summary:
    'Change my password; the current one typed again is the re-authentication. Every other session of mine ends, every push subscription and every other known browser is forgotten; this session stays',
  access: 'account',
  body: ChangePasswordBody,
  success: { status: 204 },
  errors: [400, 401, 429],
});

export const accountContracts = [changePassword] as const;
