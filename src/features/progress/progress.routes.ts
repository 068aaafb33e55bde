import { bind } from '../../http/route.js';
import * as contract from './progress.contract.js';
import { progressFor, setTherapyInterest } from './progress.service.js';
import { weeklyReflection } from './reflection.service.js';

// Step 5, Patience. Every answer here is the signed-in person's own view, built from their own
// pulse and check-ins and from the commitments of the space they share now: there is no item id to
// ask for, so there is nothing of anyone else's to refuse. The therapy suggestion and the interest
// in therapy are private to each person and publish nothing.

export const progressRoute = bind(contract.progress, ({ deps, user, query }) => progressFor(deps, user.actor, query.weeks));

export const therapyInterestRoute = bind(contract.therapyInterest, ({ deps, user, body }) =>
  setTherapyInterest(deps, user.actor, body.asked),
);

export const weeklyReflectionRoute = bind(contract.weeklyReflection, ({ deps, user }) => weeklyReflection(deps, user.actor));

export const progressRoutes = [progressRoute, therapyInterestRoute, weeklyReflectionRoute];
