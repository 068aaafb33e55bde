import { defineRoute } from '../../http/route.js';
import { ProgressQuery, ProgressView, TherapyInterestBody, TherapyInterestView, WeeklyReflection } from './progress.schema.js';
import { progressFor, setTherapyInterest } from './progress.service.js';
import { weeklyReflection } from './reflection.service.js';

// Step 5, Patience. Every answer here is the signed-in person's own view, built from their own
// pulse and check-ins and from the commitments of the space they share now: there is no item id to
// ask for, so there is nothing of anyone else's to refuse. The therapy suggestion and the interest
// in therapy are private to each person and publish nothing.

export const progressRoute = defineRoute({
  id: 'progress.get',
  method: 'GET',
  path: '/api/v1/progress',
  tag: 'progress',
  summary:
    'My charts over weeks (default 12, 4 to 52) with a trend verdict each: my trust pulse, my connection and felt-heard, and follow-through and felt-rate per agreement; and my private therapy suggestion',
  access: 'signed-in',
  query: ProgressQuery,
  success: { status: 200, schema: ProgressView },
  errors: [400, 401],
  handle: ({ deps, user, query }) => progressFor(deps, user.actor, query.weeks),
});

export const therapyInterestRoute = defineRoute({
  id: 'progress.therapyInterest',
  method: 'POST',
  path: '/api/v1/progress/therapy-interest',
  tag: 'progress',
  summary: 'Say that I would (or no longer would) like to think about therapy: private to me, it feeds only my own suggestion',
  access: 'signed-in',
  idempotent: true,
  body: TherapyInterestBody,
  success: { status: 200, schema: TherapyInterestView },
  errors: [400, 401],
  handle: ({ deps, user, body }) => setTherapyInterest(deps, user.actor, body.asked),
});

export const weeklyReflectionRoute = defineRoute({
  id: 'reflection.weekly',
  method: 'GET',
  path: '/api/v1/reflection/weekly',
  tag: 'reflection',
  summary:
    'My weekly reflection: the last 7 days against four weeks earlier, what went well, what did not land, and something specific to thank my partner for',
  access: 'signed-in',
  success: { status: 200, schema: WeeklyReflection },
  errors: [401],
  handle: ({ deps, user }) => weeklyReflection(deps, user.actor),
});

export const progressRoutes = [progressRoute, therapyInterestRoute, weeklyReflectionRoute];
