import { useEffect, useState } from 'preact/hooks';
import { NOTIFICATION_CHANGED, NOTIFICATION_CREATED } from '../../../../src/domain/notifications';
import { ApiError, api, type NotificationList, type NotificationView } from '../../api/client';
import { FormAlert } from '../../components/form';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/dates';
import { listenFor, liveChanges } from '../../lib/live';
import { signedOut } from '../../lib/session';
import { refreshUnread, unreadCount } from '../../lib/unread';
import { Preferences } from './Preferences';
import { describe } from './words';
import './notifications.css';

listenFor(NOTIFICATION_CREATED);
listenFor(NOTIFICATION_CHANGED);

interface Loaded {
  list: NotificationList;
  partnerName: string;
}

function messageOf(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 401) signedOut();
    return err.message;
  }
  return 'Something went wrong. Please try again.';
}

function Item({ n, partnerName, onRead }: { n: NotificationView; partnerName: string; onRead: (n: NotificationView) => void }) {
  const { text, href } = describe(n, partnerName);
  const unread = n.readAt === null;
  return (
    <li class={`notification ${unread ? 'unread' : 'read'}`}>
      <p class="notification-text">
        <a href={href} onClick={() => unread && onRead(n)}>
          {text}
        </a>
        {unread ? <strong class="tag">New</strong> : null}
        <span class="notification-when">{formatDateTime(n.createdAt)}</span>
      </p>
      {unread ? (
        <button type="button" class="link-button" onClick={() => onRead(n)}>
          Mark as read<span class="visually-hidden">: {text}</span>
        </button>
      ) : null}
    </li>
  );
}

/** The notification centre: what waits for me, newest first. Read state is mine alone. */
function Centre() {
  const [data, setData] = useState<Loaded | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const load = async () => {
    try {
      const [list, space] = await Promise.all([api.notifications(), api.space()]);
      setData({ list, partnerName: space.partner?.name ?? 'Your partner' });
      unreadCount.value = list.unreadCount;
      setMessage(null);
    } catch (err) {
      setMessage(messageOf(err));
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const changes =
    (liveChanges.value[NOTIFICATION_CREATED] ?? 0) +
    (liveChanges.value[NOTIFICATION_CHANGED] ?? 0) +
    (liveChanges.value['space.changed'] ?? 0);
  useEffect(() => {
    if (changes > 0) void load();
  }, [changes]);

  /** Marked read at once on screen; the server is told, and the count follows. */
  const read = (n: NotificationView) => {
    if (data) {
      const now = new Date().toISOString();
      const notifications = data.list.notifications.map((x) => (x.id === n.id ? { ...x, readAt: x.readAt ?? now } : x));
      const left = Math.max(0, data.list.unreadCount - 1);
      setData({ ...data, list: { ...data.list, notifications, unreadCount: left } });
      unreadCount.value = left;
    }
    api.readNotification(n.id).then(
      () => void refreshUnread(),
      (err: unknown) => setMessage(messageOf(err)),
    );
  };
  const readAll = async () => {
    setStatus(null);
    try {
      await api.readAllNotifications();
      await load();
      setStatus('All marked as read.');
    } catch (err) {
      setMessage(messageOf(err));
    }
  };

  return (
    <>
      <p class="private-note">Only you see these, and only you know which ones you have read. Your partner is never told.</p>
      <p>
        <a href="/notifications/settings">Choose your reminders and how they reach you</a>
      </p>
      <FormAlert message={message} />
      <p role="status" class="hint">
        {status}
      </p>
      {!data ? (
        message ? null : (
          <Loading />
        )
      ) : data.list.notifications.length === 0 ? (
        <p class="hint">
          Nothing here right now. When {data.partnerName === 'Your partner' ? 'your partner' : data.partnerName} shares a
          check-in, responds to something you did, or a need waits for your answer, it shows up here, along with any reminders you
          choose.
        </p>
      ) : (
        <>
          {data.list.unreadCount > 0 ? (
            <div class="button-row">
              <button type="button" class="button" onClick={readAll}>
                Mark all as read
              </button>
            </div>
          ) : null}
          <ul class="notification-list">
            {data.list.notifications.map((n) => (
              <Item key={n.id} n={n} partnerName={data.partnerName} onRead={read} />
            ))}
          </ul>
          {data.list.truncated ? <p class="hint">Only the 50 most recent are shown.</p> : null}
        </>
      )}
    </>
  );
}

export default function Notifications({ sub }: { sub: string }) {
  if (sub === 'settings')
    return (
      <section class="notifications">
        <PageTitle title="Reminders and notifications">Reminders and notifications</PageTitle>
        <p>
          <a href="/notifications">Back to your notifications</a>
        </p>
        <Preferences />
      </section>
    );
  return (
    <section class="notifications">
      <PageTitle title="Notifications">Notifications</PageTitle>
      <Centre />
    </section>
  );
}
