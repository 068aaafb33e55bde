import type { Logger } from 'pino';
import type { Config } from './config/env.js';
import { Sealer } from './crypto/sealer.js';
import { loadSecrets, type Secrets } from './crypto/secrets.js';
import { loadVapidKeys, type VapidKeys } from './crypto/vapid.js';
import { createDatabase, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import type { AppDeps } from './deps.js';
import { applyErasures } from './features/account/erasure.service.js';
import { HomeDayCache } from './features/today/day-cache.js';
import { createSmtpMailer, type Mailer } from './mail/mailer.js';
import { createLogger } from './platform/logger.js';
import { createPasswordHasher } from './platform/password-hasher.js';
import { InProcessEventBus, storedEventsOf } from './realtime/event-bus.js';
import { PgEventBus } from './realtime/pg-event-bus.js';
import { type Clock, OffsetClock, systemClock } from './shared/clock.js';

export interface BootOverrides {
  clock?: Clock;
  db?: Db;
  secrets?: Secrets;
  mailer?: Mailer | null;
  logger?: Logger;
  vapid?: VapidKeys;
}

/**
 * Builds everything a process needs, brings the database schema up to date, and applies the list of
 * erased people again (a restored backup must not bring anyone back, decision 025).
 */
export async function boot(config: Config, overrides: BootOverrides = {}): Promise<AppDeps> {
  const db = overrides.db ?? createDatabase(config.database);
  await migrateToLatest(db);
  const secrets = overrides.secrets ?? loadSecrets(config);
  const logger = overrides.logger ?? createLogger(config.logLevel);
  // Several processes may share a PostgreSQL database, so live events fan out through it (decision
  // 028); SQLite is one process per database file.
  const events =
    config.database.kind === 'postgres'
      ? new PgEventBus({ db, url: config.database.url, logger })
      : new InProcessEventBus(storedEventsOf(db), logger);
  await events.start();
  const clock = overrides.clock ?? (config.testClock ? new OffsetClock() : systemClock);
  const deps: AppDeps = {
    config,
    db,
    clock,
    secrets,
    sealer: new Sealer(db, secrets.masterKey),
    mailer:
      overrides.mailer !== undefined
        ? overrides.mailer
        : config.smtpUrl
          ? createSmtpMailer(config.smtpUrl, config.mailFrom)
          : null,
    logger,
    passwords: createPasswordHasher(config.passwordHashing),
    events,
    vapid: overrides.vapid ?? loadVapidKeys(config),
    homeDays: new HomeDayCache(config.homeDaysKept, clock),
  };
  await applyErasures(deps);
  return deps;
}
