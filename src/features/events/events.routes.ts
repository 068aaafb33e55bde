import { canReceiveEvent } from '../../domain/access-policy.js';
import { bind } from '../../http/route.js';
import type { LiveEvent } from '../../realtime/event-bus.js';
import { openEventStream } from '../../realtime/event-stream.js';
import { badInput } from '../../shared/errors.js';
import { sessionAlive } from '../auth/session.service.js';
import { eventStream } from './events.contract.js';
import { EVENT_ID } from './events.schema.js';

export const eventRoutes = [
  bind(eventStream, async ({ c, deps, user, account, query }) => {
    // Browsers send Last-Event-ID on reconnect; the query parameter serves a first connection.
    const header = c.req.header('last-event-id');
    if (header !== undefined && !EVENT_ID.test(header)) {
      throw badInput([{ path: 'Last-Event-ID', message: 'That is not an event id.' }]);
    }
    // A partner hears what the access policy lets them see; a therapist, only what is addressed to them.
    const listener = {
      userId: account.userId,
      sessionId: account.sessionId,
      spaceId: user?.actor.spaceId ?? null,
      canReceive: (event: LiveEvent) => (user ? canReceiveEvent(user.actor, event) : event.audienceId === account.userId),
      sessionAlive: () => sessionAlive(deps, c),
    };
    const limits = { perSession: deps.config.eventStreamsPerSession, perProcess: deps.config.eventStreamsPerProcess };
    return openEventStream(c, deps, listener, header ?? query.lastEventId ?? null, limits) as never;
  }),
];
