import { bind } from '../../http/route.js';
import * as contract from './passkeys.contract.js';
import {
  listPasskeys,
  reauthOptions,
  registerPasskey,
  registrationOptions,
  removeOwnPasskey,
  renameOwnPasskey,
  signInOptions,
  signInWithPasskey,
} from './passkeys.service.js';

// Passkeys (decision 024). None of these is idempotent: each answer from an authenticator signs a
// single-use challenge, so sending it again can only be refused.

export const listPasskeysRoute = bind(contract.listPasskeys, async ({ deps, account }) => ({
  passkeys: await listPasskeys(deps, account),
}));

export const registerOptionsRoute = bind(contract.registerOptions, ({ deps, account }) => registrationOptions(deps, account));

export const registerRoute = bind(contract.register, ({ deps, account, body }) => registerPasskey(deps, account, body));

export const renameRoute = bind(contract.rename, ({ deps, account, params, body }) =>
  renameOwnPasskey(deps, account, params.id, body.name),
);

export const removeRoute = bind(contract.remove, async ({ deps, account, params }) => {
  await removeOwnPasskey(deps, account, params.id);
  return undefined;
});

export const signInOptionsRoute = bind(contract.signInOptions, ({ deps }) => signInOptions(deps));

export const signInRoute = bind(contract.signIn, ({ c, deps, body }) => signInWithPasskey(c, deps, body.response));

export const reauthOptionsRoute = bind(contract.reauthOptions, ({ deps, account }) => reauthOptions(deps, account));

export const passkeyRoutes = [
  listPasskeysRoute,
  registerOptionsRoute,
  registerRoute,
  renameRoute,
  removeRoute,
  signInOptionsRoute,
  signInRoute,
  reauthOptionsRoute,
];
