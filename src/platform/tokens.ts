import { createHmac } from 'node:crypto';

/**
 * Secrets handed to people (session cookies, invite and reset links) are stored only as a keyed
 * hash: a copy of the database alone cannot be used to sign in or join a space.
 */
export function hashToken(secret: Buffer, purpose: string, token: string): string {
  return createHmac('sha256', secret).update(`${purpose}\u0000${token}`).digest('base64url');
}
