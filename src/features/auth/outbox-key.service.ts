import { createHmac } from 'node:crypto';

/**
 * The outbox key of a person (decision 026): derived from the server's session secret and their
 * id, so every session of theirs gets the same key (a write queued in one tab or session opens in
 * the next) and nothing about it is stored. Neither another person's key nor the secret can be
 * worked out from it (HMAC-SHA-256, its own label).
 */
export function outboxKeyFor(sessionSecret: Buffer, userId: string): string {
  return createHmac('sha256', sessionSecret).update(`attune-outbox-key\u0000${userId}`).digest('base64url');
}
