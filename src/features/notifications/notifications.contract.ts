import { defineContract } from '../../http/contract.js';
import { NotificationIdParams, NotificationList, PreferencesBody, PreferencesView } from './notifications.schema.js';

const tag = 'notifications';

export const getPreferences = defineContract({
  id: 'notifications.preferences.get',
  method: 'GET',
  path: '/api/v1/notifications/preferences',
  tag,
  summary: 'My reminder times, quiet hours and channels, and whether this server can send email',
  access: 'signed-in',
  success: { status: 200, schema: PreferencesView },
  errors: [401],
});

export const putPreferences = defineContract({
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
});

export const listNotifications = defineContract({
  id: 'notifications.list',
  method: 'GET',
  path: '/api/v1/notifications',
  tag,
  summary: 'My notification centre: the newest 50, how many are unread, and whether there are older ones',
  access: 'signed-in',
  success: { status: 200, schema: NotificationList },
  errors: [401],
});

export const readNotification = defineContract({
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
});

export const readAllNotifications = defineContract({
  id: 'notifications.readAll',
  method: 'POST',
  path: '/api/v1/notifications/read-all',
  tag,
  summary: 'Mark every notification of mine read',
  access: 'signed-in',
  idempotent: true,
  success: { status: 204 },
  errors: [401],
});

export const notificationContracts = [
  getPreferences,
  putPreferences,
  listNotifications,
  readNotification,
  readAllNotifications,
] as const;
