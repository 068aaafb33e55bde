import * as v from 'valibot';

export const EVENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const EventsQuery = v.strictObject({
  lastEventId: v.optional(v.pipe(v.string(), v.regex(EVENT_ID, 'That is not an event id.'))),
});
