import type { NotificationView } from '../../api/client';

/**
 * The app's own words for each kind of notification. The server stores none: a notification is a
 * kind and an id. These words stay inside the app; anything sent outside it says only the neutral
 * line in src/domain/notification-words.ts.
 */
export function describe(n: NotificationView, partnerName: string): { text: string; href: string } {
  // One entry stands for every one of its kind, new and read apart (n.count of them).
  const many = n.count > 1;
  const waiting = n.readAt === null;
  const act = n.subjectId && !many ? `/act/${encodeURIComponent(n.subjectId)}` : '/act';
  switch (n.kind) {
    case 'checkin.shared':
      return { text: `${partnerName} shared ${many ? `${n.count} check-ins` : 'a check-in'} with you`, href: '/checkin' };
    case 'ack.received':
      return {
        text: many ? `${partnerName} responded to ${n.count} things you did` : `${partnerName} responded to something you did`,
        href: act,
      };
    case 'need.waiting':
      // Read means answered or seen: it no longer says it is waiting.
      return {
        text: waiting
          ? many
            ? `${n.count} needs are waiting for your answer`
            : 'A need is waiting for your answer'
          : many
            ? `${n.count} needs waited for your answer`
            : 'A need waited for your answer',
        href: '/needs',
      };
    case 'closeness.revealed':
      return {
        text: many
          ? `You both answered ${n.count} questions. Your answers are ready to read.`
          : 'You both answered a question. Your answers are ready to read.',
        href: '/closeness',
      };
    case 'reminder.checkin':
      return {
        text: many
          ? `${n.count} reminders to check in, whenever you are ready`
          : 'Your check-in for today, whenever you are ready',
        href: '/checkin',
      };
    case 'reminder.commitment':
      return {
        text: many
          ? `${n.count} reminders of things you are doing for your partner`
          : 'Something you are doing for your partner is coming up',
        href: act,
      };
    case 'reminder.reflection':
      return {
        text: many ? `${n.count} reminders to look back on your week together` : 'A moment to look back on your week together',
        href: '/patience',
      };
    case 'account.signin':
      // The subject is the device label the server made from the browser ("Chrome on Linux").
      // Settings lists where the person is signed in, and signs a device out.
      return { text: `New sign-in to your account on ${n.subjectId ?? 'a device'}`, href: '/settings' };
    case 'account.passkey':
      return { text: 'A passkey was added to your account. You can see your passkeys in Settings.', href: '/settings' };
  }
}
