import * as v from 'valibot';

/** An event's seq (the SSE id since migration 0024), or an event id a tab kept from before it. */
export const EVENT_ID = /^(?:[1-9][0-9]{0,14}|0|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const EventsQuery = v.strictObject({
  lastEventId: v.optional(v.pipe(v.string(), v.regex(EVENT_ID, 'That is not an event id.'))),
});
