import type { NotificationView } from '../../api/client';

/**
 * The app's own words for each kind of notification. The server stores none: a notification is a
 * kind and an id. These words stay inside the app; anything sent outside it says only the neutral
 * line in src/domain/notification-words.ts.
 */
export function describe(n: NotificationView, partnerName: string): { text: string; href: string } {
  const act = n.subjectId ? `/act/${encodeURIComponent(n.subjectId)}` : '/act';
  switch (n.kind) {
    case 'checkin.shared':
      return { text: `${partnerName} shared a check-in with you`, href: '/checkin' };
    case 'ack.received':
      return { text: `${partnerName} responded to something you did`, href: act };
    case 'need.waiting':
      return { text: `A need is waiting for your answer`, href: '/needs' };
    case 'closeness.revealed':
      return { text: 'You both answered a question. Your answers are ready to read.', href: '/closeness' };
    case 'reminder.checkin':
      return { text: 'Your check-in for today, whenever you are ready', href: '/checkin' };
    case 'reminder.commitment':
      return { text: 'Something you are doing for your partner is coming up', href: act };
    case 'reminder.reflection':
      return { text: 'A moment to look back on your week together', href: '/patience' };
  }
}
