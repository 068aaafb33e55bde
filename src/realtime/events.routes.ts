import * as v from 'valibot';
import { defineRoute } from '../http/route.js';
import { badInput } from '../shared/errors.js';
import { openEventStream } from './event-stream.js';

const EVENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const EventsQuery = v.strictObject({
  lastEventId: v.optional(v.pipe(v.string(), v.regex(EVENT_ID, 'That is not an event id.'))),
});

export const eventsRoute = defineRoute({
  id: 'events.stream',
  method: 'GET',
  path: '/api/v1/events',
  tag: 'events',
  summary: 'Live updates for this tab (server-sent events): kinds and ids of what changed, never words',
  access: 'signed-in',
  query: EventsQuery,
  success: { status: 200, description: 'A text/event-stream; resume with the Last-Event-ID header', stream: true },
  errors: [400, 401],
  handle: async ({ c, deps, user, query }) => {
    // Browsers send Last-Event-ID on reconnect; the query parameter serves a first connection.
    const header = c.req.header('last-event-id');
    if (header !== undefined && !EVENT_ID.test(header)) {
      throw badInput([{ path: 'Last-Event-ID', message: 'That is not an event id.' }]);
    }
    return openEventStream(c, deps, user, header ?? query.lastEventId ?? null) as never;
  },
});

export const eventRoutes = [eventsRoute];
