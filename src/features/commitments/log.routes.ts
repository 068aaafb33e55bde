import { bind } from '../../http/route.js';
import { figuresFor } from './figures.service.js';
import * as contract from './log.contract.js';
import { ackOccurrence, actToday, listOccurrences, markOccurrence, unmarkOccurrence } from './log.service.js';

// The two-sided log and its figures. The one who acts marks each occurrence (done or missed); the
// one it is for says whether they noticed. Each side belongs to one person: the other gets 403.
// Anyone who cannot see the commitment gets 404, like a missing one. Occurrence keys look like
// 2026-11-24 (a day), 2026-11-23#2 (the second of a week's "n times", by its Monday; '#' is sent
// as %23) or once.

export const listOccurrencesRoute = bind(contract.listOccurrences, ({ deps, user, params, query }) =>
  listOccurrences(deps, user.actor, params.id, query),
);

export const markRoute = bind(contract.mark, ({ deps, user, params, body }) =>
  markOccurrence(deps, user.actor, params.id, params.key, body),
);

export const unmarkRoute = bind(contract.unmark, async ({ deps, user, params }) => {
  await unmarkOccurrence(deps, user.actor, params.id, params.key);
  return undefined;
});

export const ackRoute = bind(contract.ack, ({ deps, user, params, body }) =>
  ackOccurrence(deps, user.actor, params.id, params.key, body),
);

export const todayRoute = bind(contract.today, ({ deps, user }) => actToday(deps, user.actor));

export const figuresRoute = bind(contract.figures, ({ deps, user, query }) => figuresFor(deps, user.actor, query));

export const logRoutes = [listOccurrencesRoute, markRoute, unmarkRoute, ackRoute, todayRoute, figuresRoute];
