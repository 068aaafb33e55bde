import { publishEvent } from '../../../src/realtime/publish.js';
import type { Scenario } from './types.js';

// The author's private event, a couple event and an event addressed to the author are published
// before each actor opens a stream that resumes from before them: only the allowed ones arrive.
// The matrix checks no names or emails leak; tests/integration/events.test.ts checks exactly which
// events each person receives.
export const eventsScenarios: Record<string, Scenario> = {
  'events.stream': {
    prepare: async (t, w) => {
      const space = (await w.author.client.get('/api/v1/space')).body.id as string;
      const first = await publishEvent(t.deps, {
        kind: 'pulse.changed',
        spaceId: space,
        authorId: w.author.id,
        visibility: 'couple',
      });
      await publishEvent(t.deps, { kind: 'need.changed', spaceId: space, authorId: w.author.id, visibility: 'private' });
      await publishEvent(t.deps, { kind: 'causes.changed', spaceId: space, authorId: w.author.id, visibility: 'couple' });
      return { method: 'GET', path: `/api/v1/events?lastEventId=${first.id}`, stream: true };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
};
