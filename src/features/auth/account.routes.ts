import { bind } from '../../http/route.js';
import * as contract from './account.contract.js';
import { changePassword } from './account.service.js';

// Acts on the caller's own account and session only. Not idempotent on purpose, like /auth/reauth:
// a stored answer would keep a row about a password being typed (decisions 022 and 024).
export const changePasswordRoute = bind(contract.changePassword, async ({ c, deps, account, body }) => {
  await changePassword(c, deps, account, body);
  return undefined;
});

export const accountRoutes = [changePasswordRoute];
