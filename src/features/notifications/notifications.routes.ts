import { defineRoute } from '../../http/route.js';
import { NotificationIdParams, NotificationList, PreferencesBody, PreferencesView } from './notifications.schema.js';
import {
  listMyNotifications,
  myPreferences,
  readAllNotifications,
  readNotification,
  savePreferences,
} from './notifications.service.js';

const tag = 'notifications';

// Step 5: the in-app notification centre and reminder preferences. Everything here is the signed-in
// person's own: another person's notification answers 404 like one that does not exist, and reading
// one tells no one else anything (no event to them, nothing in any of their responses).
// The preferences paths are registered before /notifications/:id/read (they never clash in shape).

export const getPreferencesRoute = defineRoute({
  id: 'notifications.preferences.get',
  method: 'GET',
  path: '/api/v1/notifications/preferences',
  tag,
  summary: 'My reminder times, quiet hours and channels, and whether this server can send email',
  access: 'signed-in',
  success: { status: 200, schema: PreferencesView },
  errors: [401],
  handle: ({ deps, user }) => myPreferences(deps, user.actor),
});

export const putPreferencesRoute = defineRoute({
  id: 'notifications.preferences.put',
  method: 'PUT',
  path: '/api/v1/notifications/preferences',
  tag,
  summary: 'Change my reminder times, quiet hours or channels (fields left out stay as they were)',
  access: 'signed-in',
  idempotent: true,
  body: PreferencesBody,
  success: { status: 200, schema: PreferencesView },
  errors: [400, 401, 409],
  handle: ({ deps, user, body }) => savePreferences(deps, user.actor, body),
});

export const listNotificationsRoute = defineRoute({
  id: 'notifications.list',
  method: 'GET',
  path: '/api/v1/notifications',
  tag,
  summary: 'My notification centre: the newest 50, how many are unread, and whether there are older ones',
  access: 'signed-in',
  success: { status: 200, schema: NotificationList },
  errors: [401],
  handle: ({ deps, user }) => listMyNotifications(deps, user.actor),
});

export const readNotificationRoute = defineRoute({
  id: 'notifications.read',
  method: 'POST',
  path: '/api/v1/notifications/:id/read',
  tag,
  summary: 'Mark one of my notifications read (only I ever learn that I read it)',
  access: 'signed-in',
  idempotent: true,
  params: NotificationIdParams,
  success: { status: 204 },
  errors: [400, 401, 404],
  handle: async ({ deps, user, params }) => {
    await readNotification(deps, user.actor, params.id);
    return undefined;
  },
});

export const readAllNotificationsRoute = defineRoute({
  id: 'notifications.readAll',
  method: 'POST',
  path: '/api/v1/notifications/read-all',
  tag,
  summary: 'Mark every notification of mine read',
  access: 'signed-in',
  idempotent: true,
  success: { status: 204 },
  errors: [401],
  handle: async ({ deps, user }) => {
    await readAllNotifications(deps, user.actor);
    return undefined;
  },
});

export const notificationRoutes = [
  getPreferencesRoute,
  putPreferencesRoute,
  listNotificationsRoute,
  readAllNotificationsRoute,
  readNotificationRoute,
];
