import { bind } from '../../http/route.js';
import * as contract from './therapist-views.contract.js';
import * as views from './therapist-views.service.js';

// The therapist's read-only views, one route each. Every handler opens the access first through
// openTherapistView (in the service), which answers 404 like a couple that does not exist unless
// this therapist may open this view of this couple now, and records the view in the access log.

export const therapistViewsRoutes = [
  bind(contract.agreementsView, ({ deps, account, params }) => views.agreementsView(deps, account, params.id)),
  bind(contract.commitmentsView, ({ deps, account, params, query }) => views.commitmentsView(deps, account, params.id, query)),
  bind(contract.figuresView, ({ deps, account, params, query }) => views.figuresView(deps, account, params.id, query)),
  bind(contract.checkinsView, ({ deps, account, params, query }) => views.checkinsView(deps, account, params.id, query)),
  bind(contract.conversationsView, ({ deps, account, params }) => views.conversationsView(deps, account, params.id)),
  bind(contract.causesView, ({ deps, account, params }) => views.causesView(deps, account, params.id)),
  bind(contract.pulseView, ({ deps, account, params, query }) => views.pulseView(deps, account, params.id, query)),
  bind(contract.closenessView, ({ deps, account, params }) => views.closenessView(deps, account, params.id)),
  bind(contract.summaryView, ({ deps, account, params, query }) => views.summaryView(deps, account, params.id, query)),
];
