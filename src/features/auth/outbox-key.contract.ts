import * as v from 'valibot';
import { defineContract } from '../../http/contract.js';

/** The key that seals this person's offline outbox on their devices (decision 026): 32 bytes, base64url. */
export const OutboxKeyView = v.object({ key: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)) });

export const outboxKey = defineContract({
  id: 'auth.outboxKey',
  method: 'GET',
  path: '/api/v1/auth/outbox-key',
  tag: 'account',
  summary:
    'The key that seals writes waiting offline on this device: the same for every session of the person, given only to a signed-in session of theirs, never cached',
  access: 'account',
  success: { status: 200, schema: OutboxKeyView },
  errors: [401],
});

export const outboxKeyContracts = [outboxKey] as const;
