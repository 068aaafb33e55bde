import { deleteCookie } from 'hono/cookie';
import { exportFileName } from '../../domain/account-data.js';
import { bind } from '../../http/route.js';
import { DEVICE_COOKIE } from '../auth/known-devices.js';
import { requireFreshReauth } from '../auth/reauth.service.js';
import { clearSessionCookie } from '../auth/session.service.js';
import * as contract from './account.contract.js';
import { erasePerson } from './erasure.service.js';
import { exportOf, limitExports } from './export.service.js';

// Neither route is idempotent: an export is a read, and an erasure leaves no account to keep a
// stored answer under.

export const exportRoute = bind(contract.exportData, async ({ c, deps, account }) => {
  await requireFreshReauth(deps, account);
  await limitExports(deps, account.userId);
  const document = await exportOf(deps, account.userId);
  c.header('Content-Disposition', `attachment; filename="${exportFileName(new Date(document.exportedAt))}"`);
  c.header('Cache-Control', 'no-store');
  return document;
});

export const eraseRoute = bind(contract.erase, async ({ c, deps, account }) => {
  await requireFreshReauth(deps, account);
  await erasePerson(deps, account.userId);
  // Both cookies go: the session's, and the known-browser one (its row went with the account; the
  // cookie is sent only to /api/v1/auth, so it is cleared for that path).
  clearSessionCookie(c, deps);
  deleteCookie(c, DEVICE_COOKIE, { path: '/api/v1/auth', secure: deps.config.publicUrl.protocol === 'https:' });
  return undefined;
});

export const accountDataRoutes = [exportRoute, eraseRoute];
