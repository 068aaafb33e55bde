import { bind } from '../../http/route.js';
import * as contract from './today.contract.js';
import { homeToday } from './today.service.js';

export const homeTodayRoute = bind(contract.homeToday, ({ deps, user }) => homeToday(deps, user.actor));

export const todayRoutes = [homeTodayRoute];
