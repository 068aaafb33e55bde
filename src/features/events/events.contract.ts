import { defineContract } from '../../http/contract.js';
import { EventsQuery } from './events.schema.js';

export const eventStream = defineContract({
  id: 'events.stream',
  method: 'GET',
  path: '/api/v1/events',
  tag: 'events',
  summary: 'Live updates for this tab (server-sent events): kinds and ids of what changed, never words',
  access: 'account',
  query: EventsQuery,
  success: { status: 200, description: 'A text/event-stream; resume with the Last-Event-ID header', stream: true },
  errors: [400, 401],
});

export const eventContracts = [eventStream] as const;
