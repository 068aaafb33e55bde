import { useEffect } from 'preact/hooks';
import { currentPath } from '../lib/router';
import { followUnread, unreadCount } from '../lib/unread';

/**
 * "Notifications" in the main navigation, with how many are unread. The number is part of the
 * link's name for screen readers ("Notifications, 2 unread"); a new one is also announced politely.
 */
export function NotificationsLink() {
  useEffect(followUnread, []);
  const count = unreadCount.value ?? 0;
  const here = currentPath.value === '/notifications' || currentPath.value.startsWith('/notifications/');
  return (
    <>
      <a
        href="/notifications"
        aria-current={here ? 'page' : undefined}
        aria-label={count > 0 ? `Notifications, ${count} unread` : undefined}
        class="notifications-link"
      >
        Notifications
        {count > 0 ? (
          <span class="unread-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </a>
      <span class="visually-hidden" role="status" aria-live="polite">
        {count > 0 ? `${count} unread ${count === 1 ? 'notification' : 'notifications'}` : ''}
      </span>
    </>
  );
}
