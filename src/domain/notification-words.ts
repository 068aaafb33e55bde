/**
 * Step 5, reminders and notifications: the ONLY words any channel sends outside the app.
 *
 * An email, a push message or a calendar event can be seen by someone else (a lock screen, a
 * shared inbox, a work calendar). So what leaves the app is fixed and neutral: nothing a person
 * wrote, no commitment titles, no partner name. The app itself words each notification kind.
 * Every channel imports its words from here; nothing else may build outside-facing text.
 */

/** The one neutral line every outside channel uses. */
export const NEUTRAL_LINE = 'You have a new update in Attune';

/** The path inside the app the outside channels point to. */
export const NOTIFICATIONS_PATH = '/notifications';

export const NEUTRAL_EMAIL = {
  subject: NEUTRAL_LINE,
  /** The plain-text body; `link` is the full address of the notification centre. */
  text(link: string): string {
    return `${NEUTRAL_LINE}.\n\nOpen Attune to see it: ${link}\n\nYou can change or turn off these emails in Attune's settings.\n`;
  },
} as const;

export const NEUTRAL_PUSH = {
  title: 'Attune',
  body: NEUTRAL_LINE,
  url: NOTIFICATIONS_PATH,
} as const;

/** The calendar event title unless the person chose to show their commitments' words. */
export const NEUTRAL_CALENDAR_TITLE = 'Attune: one thing for us';

/** The address of the notification centre under a public base URL (no trailing slash doubled). */
export function notificationsLink(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${NOTIFICATIONS_PATH}`;
}

/**
 * The invitation a partner may ask Attune to email to a therapist. It names no one and says nothing
 * the couple wrote: an inbox can be shared, and an address can be mistyped. `link` carries the token.
 */
export const THERAPIST_INVITE_EMAIL = {
  subject: 'An invitation to Attune',
  text(link: string, validDays: number): string {
    return [
      'You have been invited, as a therapist, to Attune: an app a couple uses to rebuild trust together.',
      '',
      'If you accept, you will see only the shared things both partners choose to show you, and only',
      'after both have agreed. Either partner can end your access at any time, and they can see when',
      'you looked.',
      '',
      `To accept, open this link within ${validDays} days:`,
      link,
      '',
      'If you were not expecting this, you can ignore this email: nothing happens.',
      '',
    ].join('\n');
  },
} as const;
