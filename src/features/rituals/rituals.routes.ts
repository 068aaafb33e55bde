import type { Schedule } from '../../domain/schedule.js';
import { bind } from '../../http/route.js';
import * as contract from './rituals.contract.js';
import { adoptRitual, dropRitual, listRituals } from './rituals.service.js';

// Step 7, connection rituals. Each route acts on the signed-in person's own choice of a ritual: there
// is no one else's plan to ask for. An unknown ritual id answers 404.

export const listRitualsRoute = bind(contract.listRituals, ({ deps, user }) => listRituals(deps, user.actor));

export const adoptRitualRoute = bind(contract.adoptRitual, ({ deps, user, params, body }) =>
  adoptRitual(deps, user.actor, params.ritualId, body.schedule as Schedule),
);

export const dropRitualRoute = bind(contract.dropRitual, async ({ deps, user, params }) => {
  await dropRitual(deps, user.actor, params.ritualId);
  return undefined;
});

export const ritualsRoutes = [listRitualsRoute, adoptRitualRoute, dropRitualRoute];
