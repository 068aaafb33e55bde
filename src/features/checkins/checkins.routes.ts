import { bind } from '../../http/route.js';
import * as contract from './checkins.contract.js';
import * as service from './checkins.service.js';

export const checkinRoutes = [
  bind(contract.listCheckins, ({ deps, user, query }) => service.listCheckins(deps, user.actor, query)),
  bind(contract.todayCheckins, ({ deps, user }) => service.todaysCheckins(deps, user.actor)),
  bind(contract.checkinPreferences, ({ deps, user }) => service.checkinPreferences(deps, user.actor)),
  bind(contract.getCheckin, ({ deps, user, params }) => service.readCheckin(deps, user.actor, params.id)),
  bind(contract.putCheckin, ({ deps, user, params, body }) => service.saveCheckin(deps, user.actor, params.date, body)),
  bind(contract.deleteCheckin, async ({ deps, user, params }) => {
    await service.removeCheckin(deps, user.actor, params.id);
    return undefined;
  }),
  bind(contract.replyToCheckin, ({ deps, user, params, body }) => service.replyToCheckin(deps, user.actor, params.id, body)),
];
