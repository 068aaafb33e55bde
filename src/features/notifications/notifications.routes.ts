import { bind } from '../../http/route.js';
import * as contract from './notifications.contract.js';
import {
  listMyNotifications,
  myPreferences,
  readAllNotifications,
  readNotification,
  savePreferences,
} from './notifications.service.js';

// Step 5: the in-app notification centre and reminder preferences. Everything here is the signed-in
// person's own: another person's notification answers 404 like one that does not exist, and reading
// one tells no one else anything (no event to them, nothing in any of their responses).
// The preferences paths are registered before /notifications/:id/read (they never clash in shape).

export const getPreferencesRoute = bind(contract.getPreferences, ({ deps, user }) => myPreferences(deps, user.actor));

export const putPreferencesRoute = bind(contract.putPreferences, ({ deps, user, body }) =>
  savePreferences(deps, user.actor, body),
);

export const listNotificationsRoute = bind(contract.listNotifications, ({ deps, user }) => listMyNotifications(deps, user.actor));

export const readNotificationRoute = bind(contract.readNotification, async ({ deps, user, params }) => {
  await readNotification(deps, user.actor, params.id);
  return undefined;
});

export const readAllNotificationsRoute = bind(contract.readAllNotifications, async ({ deps, user }) => {
  await readAllNotifications(deps, user.actor);
  return undefined;
});

export const notificationRoutes = [
  getPreferencesRoute,
  putPreferencesRoute,
  listNotificationsRoute,
  readAllNotificationsRoute,
  readNotificationRoute,
];
