import { defineContract } from '../../http/contract.js';
import { CalendarCreated, CalendarView, FeedTokenParams, PatchCalendarBody } from './calendar.schema.js';

const tag = 'calendar';

export const getCalendar = defineContract({
  id: 'calendar.get',
  method: 'GET',
  path: '/api/v1/calendar',
  tag,
  summary: 'Whether I have a calendar address and what it shows (the address itself is never shown again)',
  access: 'signed-in',
  success: { status: 200, schema: CalendarView },
  errors: [401],
});

export const createCalendar = defineContract({
  id: 'calendar.create',
  method: 'POST',
  path: '/api/v1/calendar',
  tag,
  summary: 'Make my private calendar address, or replace it (the old one stops working); shown only now',
  access: 'signed-in',
  idempotent: true,
  success: { status: 201, schema: CalendarCreated },
  errors: [401],
});

export const updateCalendar = defineContract({
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
});

export const revokeCalendar = defineContract({
  id: 'calendar.revoke',
  method: 'DELETE',
  path: '/api/v1/calendar',
  tag,
  summary: 'Turn off my calendar address: it stops working at once',
  access: 'signed-in',
  idempotent: true,
  success: { status: 204 },
  errors: [401],
});

export const calendarFeed = defineContract({
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
});

export const calendarContracts = [getCalendar, createCalendar, updateCalendar, revokeCalendar, calendarFeed] as const;
