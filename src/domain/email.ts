/** Emails are trimmed and compared case-insensitively: one account per address, however typed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
