import { COMMON_PASSWORDS } from './common-passwords.js';
import { normalizeEmail } from './email.js';

export const MIN_PASSWORD_LENGTH = 10;

/** Why a new password cannot be used, in words for the person choosing it; null when it is fine. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `Please use at least ${MIN_PASSWORD_LENGTH} characters. A few ordinary words strung together work well.`;
  }
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered) || /^(.)\1+$/u.test(lowered)) {
    return 'That password is one of the most common ones, so it would be easy to guess. Something only you would think of keeps your words safe.';
  }
  const localPart = normalizeEmail(context.email ?? '').split('@')[0];
  if (localPart && localPart.length >= 4 && lowered.includes(localPart)) {
    return 'That password contains your email address, so it would be easy to guess. Please choose something else.';
  }
  return null;
}
