import { bind } from '../../http/route.js';
import * as contract from './outbox-key.contract.js';
import { outboxKeyFor } from './outbox-key.service.js';

// Every /api/ answer carries Cache-Control: no-store (http/security.ts); said again here because
// this one is a key: no cache on the way may ever keep it.
export const outboxKeyRoute = bind(contract.outboxKey, async ({ c, deps, account }) => {
  c.header('Cache-Control', 'no-store');
  return { key: outboxKeyFor(deps.secrets.sessionSecret, account.userId) };
});

export const outboxKeyRoutes = [outboxKeyRoute];
