import { bind } from '../../http/route.js';
import * as contract from './calendar.contract.js';
import { createCalendar, readCalendar, readFeed, revokeCalendar, updateCalendar } from './calendar.service.js';

// The private calendar feed (step 5, reminders): my settings, and the feed itself, which calendar
// apps fetch with no session. The feed's address is its only permission and opens nothing else.

export const getCalendarRoute = bind(contract.getCalendar, ({ deps, user }) => readCalendar(deps, user.actor));

export const createCalendarRoute = bind(contract.createCalendar, ({ deps, user }) => createCalendar(deps, user.actor));

export const updateCalendarRoute = bind(contract.updateCalendar, ({ deps, user, body }) =>
  updateCalendar(deps, user.actor, body),
);

export const revokeCalendarRoute = bind(contract.revokeCalendar, async ({ deps, user }) => {
  await revokeCalendar(deps, user.actor);
  return undefined;
});

export const calendarFeedRoute = bind(contract.calendarFeed, async ({ c, deps, params }) => {
  const text = await readFeed(deps, params.token);
  return c.body(text, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': 'inline; filename="attune.ics"',
  }) as never;
});

export const calendarRoutes = [
  getCalendarRoute,
  createCalendarRoute,
  updateCalendarRoute,
  revokeCalendarRoute,
  calendarFeedRoute,
];
