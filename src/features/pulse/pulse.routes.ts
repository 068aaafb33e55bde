import { bind } from '../../http/route.js';
import * as contract from './pulse.contract.js';
import { pulseOverview, removePulse, savePulse } from './pulse.service.js';

// The weekly trust pulse. My answers are mine alone; my score is my partner's to see only when I
// share it. Only this week's pulse can be written; any of mine can be deleted.

export const getPulseRoute = bind(contract.getPulse, ({ deps, user }) => pulseOverview(deps, user.actor));

export const putPulseRoute = bind(contract.putPulse, ({ deps, user, params, body }) =>
  savePulse(deps, user.actor, params.week, body),
);

export const deletePulseRoute = bind(contract.deletePulse, async ({ deps, user, params }) => {
  await removePulse(deps, user.actor, params.id);
  return undefined;
});

export const pulseRoutes = [getPulseRoute, putPulseRoute, deletePulseRoute];
