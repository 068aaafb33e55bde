import { bind } from '../../http/route.js';
import * as contract from './summary.contract.js';
import { mySummary, saveMySummary, summaryForPartner } from './summary.service.js';

// The printable summary. Each answer is the signed-in partner's own view of their couple (made of
// couple items), or their own part of it: there is no item id to ask for, so nothing of anyone
// else's to refuse. The therapist's summary is a therapist view (therapist-views.routes.ts).

export const getSummaryRoute = bind(contract.getSummary, ({ deps, user, query }) => summaryForPartner(deps, user.actor, query));

export const getMineRoute = bind(contract.getMine, ({ deps, user }) => mySummary(deps, user.actor));

export const putMineRoute = bind(contract.putMine, ({ deps, user, body }) => saveMySummary(deps, user.actor, body));

export const summaryRoutes = [getSummaryRoute, getMineRoute, putMineRoute];
