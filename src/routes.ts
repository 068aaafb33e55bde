import { accountDataRoutes } from './features/account/account.routes.js';
import { accountRoutes } from './features/auth/account.routes.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { outboxKeyRoutes } from './features/auth/outbox-key.routes.js';
import { passkeyRoutes } from './features/auth/passkeys.routes.js';
import { bidRoutes } from './features/bids/bids.routes.js';
import { calendarRoutes } from './features/calendar/calendar.routes.js';
import { causeRoutes } from './features/causes/causes.routes.js';
import { checkinRoutes } from './features/checkins/checkins.routes.js';
import { closenessRoutes } from './features/closeness/closeness.routes.js';
import { commitmentRoutes } from './features/commitments/commitments.routes.js';
import { conversationRoutes } from './features/conversations/conversations.routes.js';
import { eventRoutes } from './features/events/events.routes.js';
import { clientConfigRoute } from './features/health/config.routes.js';
import { journalRoutes } from './features/journal/journal.routes.js';
import { needRoutes } from './features/needs/needs.routes.js';
import { notificationRoutes } from './features/notifications/notifications.routes.js';
import { progressRoutes } from './features/progress/progress.routes.js';
import { pulseRoutes } from './features/pulse/pulse.routes.js';
import { pushRoutes } from './features/push/push.routes.js';
import { reflectionRoutes } from './features/reflection/reflection.routes.js';
import { ritualsRoutes } from './features/rituals/rituals.routes.js';
import { safetyRoutes } from './features/safety/safety.routes.js';
import { spaceRoutes } from './features/spaces/spaces.routes.js';
import { summaryRoutes } from './features/summary/summary.routes.js';
import { therapistViewsRoutes } from './features/therapists/therapist-views.routes.js';
import { therapistsRoutes } from './features/therapists/therapists.routes.js';
import { todayRoutes } from './features/today/today.routes.js';
import { understandRoutes } from './features/understand/understand.routes.js';
import type { AnyRoute } from './http/route.js';

/** Every /api/v1 operation bound to its handler: the app registers this table (src/app.ts). */
export const routeTable: readonly AnyRoute[] = [
  ...authRoutes,
  ...accountRoutes,
  ...accountDataRoutes,
  ...outboxKeyRoutes,
  ...passkeyRoutes,
  ...spaceRoutes,
  clientConfigRoute,
  ...safetyRoutes,
  ...eventRoutes,
  ...understandRoutes,
  ...causeRoutes,
  ...needRoutes,
  ...conversationRoutes,
  ...commitmentRoutes,
  ...checkinRoutes,
  ...bidRoutes,
  ...todayRoutes,
  ...calendarRoutes,
  ...notificationRoutes,
  ...pushRoutes,
  ...pulseRoutes,
  ...progressRoutes,
  ...reflectionRoutes,
  ...closenessRoutes,
  ...ritualsRoutes,
  ...journalRoutes,
  ...therapistsRoutes,
  ...therapistViewsRoutes,
  ...summaryRoutes,
];
