import { accountDataContracts } from './features/account/account.contract.js';
import { accountContracts } from './features/auth/account.contract.js';
import { authContracts } from './features/auth/auth.contract.js';
import { outboxKeyContracts } from './features/auth/outbox-key.contract.js';
import { passkeyContracts } from './features/auth/passkeys.contract.js';
import { bidContracts } from './features/bids/bids.contract.js';
import { calendarContracts } from './features/calendar/calendar.contract.js';
import { causeContracts } from './features/causes/causes.contract.js';
import { checkinContracts } from './features/checkins/checkins.contract.js';
import { closenessContracts } from './features/closeness/closeness.contract.js';
import { commitmentContracts } from './features/commitments/commitments.contract.js';
import { logContracts } from './features/commitments/log.contract.js';
import { conversationContracts } from './features/conversations/conversations.contract.js';
import { eventContracts } from './features/events/events.contract.js';
import { configContracts } from './features/health/config.contract.js';
import { journalContracts } from './features/journal/journal.contract.js';
import { needContracts } from './features/needs/needs.contract.js';
import { notificationContracts } from './features/notifications/notifications.contract.js';
import { progressContracts } from './features/progress/progress.contract.js';
import { pulseContracts } from './features/pulse/pulse.contract.js';
import { pushContracts } from './features/push/push.contract.js';
import { reflectionContracts } from './features/reflection/reflection.contract.js';
import { ritualContracts } from './features/rituals/rituals.contract.js';
import { safetyContracts } from './features/safety/safety.contract.js';
import { spaceContracts } from './features/spaces/spaces.contract.js';
import { summaryContracts } from './features/summary/summary.contract.js';
import { therapistViewContracts } from './features/therapists/therapist-views.contract.js';
import { therapistContracts } from './features/therapists/therapists.contract.js';
import { todayContracts } from './features/today/today.contract.js';
import { understandContracts } from './features/understand/understand.contract.js';
import type { Endpoint } from './http/client.js';
import type { AnswerOf, Contract, ContractsById, InputOf, InputOptional } from './http/contract.js';

/**
 * Every /api/v1 operation's contract, in the order the OpenAPI document lists them. The browser
 * imports only the types (web/src/api/client.ts); vite.config.ts reads the ids, methods and paths
 * from here at build time. src/routes.ts binds each to its handler.
 */
export const contracts = [
  ...authContracts,
  ...accountContracts,
  ...accountDataContracts,
  ...outboxKeyContracts,
  ...passkeyContracts,
  ...spaceContracts,
  ...configContracts,
  ...safetyContracts,
  ...eventContracts,
  ...understandContracts,
  ...causeContracts,
  ...needContracts,
  ...conversationContracts,
  ...commitmentContracts,
  ...logContracts,
  ...checkinContracts,
  ...bidContracts,
  ...todayContracts,
  ...calendarContracts,
  ...notificationContracts,
  ...pushContracts,
  ...pulseContracts,
  ...progressContracts,
  ...reflectionContracts,
  ...closenessContracts,
  ...ritualContracts,
  ...journalContracts,
  ...therapistContracts,
  ...therapistViewContracts,
  ...summaryContracts,
] as const;

export type Contracts = ContractsById<typeof contracts>;
export type RouteId = keyof Contracts;
export type Input<Id extends RouteId> = InputOf<Contracts[Id]>;
export type Answer<Id extends RouteId> = AnswerOf<Contracts[Id]>;
/** `call(id)` alone when every part of a route's input may be left out, else `call(id, input)`. */
export type InputArgs<Id extends RouteId> = InputOptional<Contracts[Id]> extends true ? [input?: Input<Id>] : [input: Input<Id>];

const byId = new Map<string, Contract>(contracts.map((c) => [c.id, c]));

/** A route's contract by its id (server-side and test code; the browser has only endpointTable()). */
export function contractById(id: RouteId): Contract {
  const found = byId.get(id);
  if (!found) throw new Error(`No route ${id}`);
  return found;
}

/** What the browser's client needs at run time: each route's method and path, by id. */
export function endpointTable(): Record<string, Endpoint> {
  return Object.fromEntries(contracts.map((c) => [c.id, { id: c.id, method: c.method, path: c.path }]));
}
