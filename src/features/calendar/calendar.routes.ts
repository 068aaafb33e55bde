import { defineRoute } from '../../http/route.js';
import { CalendarCreated, CalendarView, FeedTokenParams, PatchCalendarBody } from './calendar.schema.js';
import { createCalendar, readCalendar, readFeed, revokeCalendar, updateCalendar } from './calendar.service.js';

const tag = 'calendar';

// The private calendar feed (step 5, reminders): my settings, and the feed itself, which calendar
// apps fetch with no session. The feed's address is its only permission and opens nothing else.

export const getCalendarRoute = defineRoute({
  id: 'calendar.get',
  method: 'GET',
  path: '/api/v1/calendar',
  tag,
  summary: 'Whether I have a calendar address and what it shows (the address itself is never shown again)',
  access: 'signed-in',
  success: { status: 200, schema: CalendarView },
  errors: [401],
  handle: ({ deps, user }) => readCalendar(deps, user.actor),
});

export const createCalendarRoute = defineRoute({
  id: 'calendar.create',
  method: 'POST',
  path: '/api/v1/calendar',
  tag,
  summary: 'Make my private calendar address, or replace it (the old one stops working); shown only now',
  access: 'signed-in',
  idempotent: true,
  success: { status: 201, schema: CalendarCreated },
  errors: [401],
  handle: ({ deps, user }) => createCalendar(deps, user.actor),
});

export const updateCalendarRoute = defineRoute({
  id: 'calendar.update',
  method: 'PATCH',
  path: '/api/v1/calendar',
  tag,
  summary: 'Choose whether my calendar shows the words of my commitments or a neutral title',
  access: 'signed-in',
  idempotent: true,
  body: PatchCalendarBody,
  success: { status: 200, schema: CalendarView },
  errors: [400, 401, 409],
  handle: ({ deps, user, body }) => updateCalendar(deps, user.actor, body),
});

export const revokeCalendarRoute = defineRoute({
  id: 'calendar.revoke',
  method: 'DELETE',
  path: '/api/v1/calendar',
  tag,
  summary: 'Turn off my calendar address: it stops working at once',
  access: 'signed-in',
  idempotent: true,
  success: { status: 204 },
  errors: [401],
  handle: async ({ deps, user }) => {
    await revokeCalendar(deps, user.actor);
    return undefined;
  },
});

export const calendarFeedRoute = defineRoute({
  id: 'calendar.feed',
  method: 'GET',
  path: '/api/v1/calendar/feeds/:token',
  tag,
  summary:
    'The iCalendar feed behind a private address: my commitments from 7 days back to 60 ahead, each occurrence in UTC (the address is the permission)',
  access: 'public',
  limitPerAddress: true,
  params: FeedTokenParams,
  success: { status: 200, contentType: 'text/calendar', description: 'An iCalendar document (text/calendar; charset=utf-8)' },
  errors: [400, 404],
  handle: async ({ c, deps, params }) => {
    const text = await readFeed(deps, params.token);
    return c.body(text, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="attune.ics"',
    }) as never;
  },
});

export const calendarRoutes = [
  getCalendarRoute,
  createCalendarRoute,
  updateCalendarRoute,
  revokeCalendarRoute,
  calendarFeedRoute,
];
