import { defineRoute } from '../../http/route.js';
import { CommitmentIdParams } from './commitments.schema.js';
import { figuresFor } from './figures.service.js';
import {
  AckBody,
  FiguresView,
  MarkBody,
  OccurrenceList,
  OccurrenceParams,
  OccurrenceView,
  TodayView,
  WindowQuery,
} from './log.schema.js';
import { ackOccurrence, actToday, listOccurrences, markOccurrence, unmarkOccurrence } from './log.service.js';

const tag = 'log';

// The two-sided log and its figures. The one who acts marks each occurrence (done or missed); the
// one it is for says whether they noticed. Each side belongs to one person: the other gets 403.
// Anyone who cannot see the commitment gets 404, like a missing one. Occurrence keys look like
// 2026-11-24 (a day), 2026-11-23#2 (the second of a week's "n times", by its Monday; '#' is sent
// as %23) or once.

export const listOccurrencesRoute = defineRoute({
  id: 'log.occurrences',
  method: 'GET',
  path: '/api/v1/commitments/:id/occurrences',
  tag,
  summary: "One commitment's occurrences over local days from..to (at most 92; by default the last 2 weeks), with both sides",
  access: 'signed-in',
  params: CommitmentIdParams,
  query: WindowQuery,
  success: { status: 200, schema: OccurrenceList },
  errors: [400, 401, 404],
  handle: ({ deps, user, params, query }) => listOccurrences(deps, user.actor, params.id, query),
});

export const markRoute = defineRoute({
  id: 'log.mark',
  method: 'PUT',
  path: '/api/v1/commitments/:id/occurrences/:key/mark',
  tag,
  summary: 'Mark an occurrence done (with the day it was really done) or missed (with what got in the way, if I like)',
  access: 'signed-in',
  params: OccurrenceParams,
  body: MarkBody,
  idempotent: true,
  success: { status: 200, schema: OccurrenceView },
  errors: [400, 401, 403, 404, 409],
  handle: ({ deps, user, params, body }) => markOccurrence(deps, user.actor, params.id, params.key, body),
});

export const unmarkRoute = defineRoute({
  id: 'log.unmark',
  method: 'DELETE',
  path: '/api/v1/commitments/:id/occurrences/:key/mark',
  tag,
  summary: 'Take a mark back, within ten minutes of making it',
  access: 'signed-in',
  params: OccurrenceParams,
  idempotent: true,
  success: { status: 204 },
  errors: [400, 401, 403, 404, 409],
  handle: async ({ deps, user, params }) => {
    await unmarkOccurrence(deps, user.actor, params.id, params.key);
    return undefined;
  },
});

export const ackRoute = defineRoute({
  id: 'log.ack',
  method: 'PUT',
  path: '/api/v1/commitments/:id/occurrences/:key/ack',
  tag,
  summary: 'Say whether I noticed (and how much it helped, 1 to 3); I can change it later',
  access: 'signed-in',
  params: OccurrenceParams,
  body: AckBody,
  idempotent: true,
  success: { status: 200, schema: OccurrenceView },
  errors: [400, 401, 403, 404, 409],
  handle: ({ deps, user, params, body }) => ackOccurrence(deps, user.actor, params.id, params.key, body),
});

export const todayRoute = defineRoute({
  id: 'log.today',
  method: 'GET',
  path: '/api/v1/log/today',
  tag,
  summary: 'Today: mine to mark, my partner’s to acknowledge, what was logged lately, and the last four weeks in figures',
  access: 'signed-in',
  success: { status: 200, schema: TodayView },
  errors: [401],
  handle: ({ deps, user }) => actToday(deps, user.actor),
});

export const figuresRoute = defineRoute({
  id: 'log.figures',
  method: 'GET',
  path: '/api/v1/figures',
  tag,
  summary: 'Follow-through, felt-rate and the gap over local days from..to (at most 366), mine and my partner’s, per commitment',
  access: 'signed-in',
  query: WindowQuery,
  success: { status: 200, schema: FiguresView },
  errors: [400, 401],
  handle: ({ deps, user, query }) => figuresFor(deps, user.actor, query),
});

export const logRoutes = [listOccurrencesRoute, markRoute, unmarkRoute, ackRoute, todayRoute, figuresRoute];
