import { useState } from 'preact/hooks';
import { NOTIFICATION_CHANGED, NOTIFICATION_CREATED } from '../../../../src/domain/notifications';
import { ApiError, api, type NotificationView } from '../../api/client';
import { FormAlert, useForm } from '../../components/form';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/dates';
import { refreshUnread, unreadCount } from '../../lib/unread';
import { useResource } from '../../lib/use-resource';
import { Preferences } from './Preferences';
import { describe } from './words';
import './notifications.css';

const messageOf = (err: unknown) => (err instanceof ApiError ? err.message : 'Something went wrong. Please try again.');

async function loadCentre() {
  const [list, space] = await Promise.all([api('notifications.list'), api('spaces.get')]);
  unreadCount.value = list.unreadCount;
  return { list, partnerName: space.partner?.name ?? 'Your partner' };
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
  const resource = useResource(loadCentre, { liveKinds: [NOTIFICATION_CREATED, NOTIFICATION_CHANGED, 'space.changed'] });
  const data = resource.data;
  const [status, setStatus] = useState<string | null>(null);
  const form = useForm();
  const message = form.message ?? (resource.error ? messageOf(resource.error) : null);

  /** Marked read at once on screen; the server is told, and the count follows. */
  const read = (n: NotificationView) => {
    if (data) {
      const now = new Date().toISOString();
      const notifications = data.list.notifications.map((x) => (x.id === n.id ? { ...x, readAt: x.readAt ?? now } : x));
      const left = Math.max(0, data.list.unreadCount - 1);
      resource.set({ ...data, list: { ...data.list, notifications, unreadCount: left } });
      unreadCount.value = left;
    }
    void form.run(async () => {
      await api('notifications.read', { params: { id: n.id } });
      void refreshUnread();
    });
  };
  const readAll = () => {
    setStatus(null);
    return form.run(async () => {
      await api('notifications.readAll');
      await resource.reload();
      setStatus('All marked as read.');
    });
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
