import type { Logger } from 'pino';
import type { Config } from './config/env.js';
import type { Sealer } from './crypto/sealer.js';
import type { Secrets } from './crypto/secrets.js';
import type { VapidKeys } from './crypto/vapid.js';
import type { Db } from './db/database.js';
import type { HomeDayCache } from './features/today/day-cache.js';
import type { Mailer } from './mail/mailer.js';
import type { PasswordHasher } from './platform/password-hasher.js';
import type { EventBus } from './realtime/event-bus.js';
import type { Clock } from './shared/clock.js';

/** Everything a request handler may use, built once at start-up (or per test). */
export interface AppDeps {
  config: Config;
  db: Db;
  clock: Clock;
  sealer: Sealer;
  secrets: Secrets;
  mailer: Mailer | null;
  logger: Logger;
  passwords: PasswordHasher;
  events: EventBus;
  /** The server's web push (VAPID) keys: env on PostgreSQL, DATA_DIR/vapid.json on SQLite. */
  vapid: VapidKeys;
  /** Each person's computed home day, kept until it changes (decision 030); one per process. */
  homeDays: HomeDayCache;
}
