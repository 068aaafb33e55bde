import { createECDH } from 'node:crypto';
import * as v from 'valibot';

/**
 * Configuration is read and validated once, at start-up. A bad value stops the process with a
 * message that names the variable; nothing else in the code reads process.env.
 */
export type DatabaseKind = 'sqlite' | 'postgres';

export interface RateLimitConfig {
  windowMs: number;
  signInFailuresPerAccount: number;
  requestsPerAddress: number;
}

export interface Config {
  port: number;
  host: string;
  database: { kind: DatabaseKind; url: string };
  dataDir: string;
  publicUrl: URL;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  smtpUrl: string | null;
  mailFrom: string;
  quickExitUrl: string;
  rateLimit: RateLimitConfig;
  trustProxy: boolean;
  masterKey: string | null;
  sessionSecret: string | null;
  passwordHashing: 'standard' | 'fast-for-tests';
  /** Seconds between two runs of the reminders worker; 0 = no worker in this process. */
  reminderIntervalSeconds: number;
  /** How long a write with an Idempotency-Key may run before a retry with the same key takes it over. */
  idempotencyLeaseSeconds: number;
  /** Live streams one session may hold (a new one sheds its oldest) and one process may hold. */
  eventStreamsPerSession: number;
  eventStreamsPerProcess: number;
  /** People whose computed home day one process keeps in memory (decision 030); 0 keeps none. */
  homeDaysKept: number;
  /** Browser tests only: a clock that POST /api/test/clock can move (never set in production). */
  testClock: boolean;
  /** Web push (VAPID). Keys: from the environment (required with PostgreSQL), else made into DATA_DIR/vapid.json. */
  vapid: { publicKey: string | null; privateKey: string | null; subject: string };
  /** Tests only: push endpoints on this machine (http://127.0.0.1, http://localhost) are accepted. */
  pushLoopback: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const positiveInt = (name: string, fallback: number) =>
  v.pipe(
    v.optional(v.string(), String(fallback)),
    v.regex(/^\d+$/, `${name} must be a whole number`),
    v.transform((s) => Number(s)),
    v.number(),
    v.integer(`${name} must be a whole number`),
    v.minValue(1, `${name} must be at least 1`),
  );

const httpUrl = (name: string) =>
  v.pipe(
    v.string(),
    v.url(`${name} must be a full URL such as https://example.org`),
    v.check((s) => /^https?:\/\//.test(s), `${name} must start with http:// or https://`),
  );

const EnvSchema = v.object({
  PORT: v.pipe(positiveInt('PORT', 3000), v.maxValue(65535, 'PORT must be at most 65535')),
  HOST: v.optional(v.pipe(v.string(), v.minLength(1, 'HOST must not be empty')), '0.0.0.0'),
  DATABASE_URL: v.optional(v.pipe(v.string(), v.minLength(1, 'DATABASE_URL must not be empty'))),
  DATA_DIR: v.optional(v.pipe(v.string(), v.minLength(1, 'DATA_DIR must not be empty')), './data'),
  PUBLIC_URL: v.optional(httpUrl('PUBLIC_URL')),
  LOG_LEVEL: v.optional(
    v.picklist(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    ),
    'info',
  ),
  SMTP_URL: v.optional(
    v.pipe(
      v.string(),
      v.check((s) => s === '' || /^smtps?:\/\/.+/.test(s), 'SMTP_URL must start with smtp:// or smtps://'),
    ),
  ),
  MAIL_FROM: v.optional(
    v.pipe(v.string(), v.regex(/^[^@\s]+@[^@\s]+$/, 'MAIL_FROM must be an email address')),
    'attune@localhost',
  ),
  QUICK_EXIT_URL: v.optional(httpUrl('QUICK_EXIT_URL'), 'https://www.bbc.co.uk/weather'),
  RATE_LIMIT_WINDOW_MINUTES: positiveInt('RATE_LIMIT_WINDOW_MINUTES', 15),
  RATE_LIMIT_SIGNIN_FAILURES: v.pipe(
    positiveInt('RATE_LIMIT_SIGNIN_FAILURES', 20),
    v.maxValue(20, 'RATE_LIMIT_SIGNIN_FAILURES must be at most 20'),
  ),
  RATE_LIMIT_PER_ADDRESS: positiveInt('RATE_LIMIT_PER_ADDRESS', 1000),
  TRUST_PROXY: v.optional(v.picklist(['0', '1', 'true', 'false'], 'TRUST_PROXY must be 0 or 1'), '0'),
  MASTER_KEY: v.optional(v.string()),
  SESSION_SECRET: v.optional(v.string()),
  ATTUNE_FAST_HASHING: v.optional(v.picklist(['0', '1'], 'ATTUNE_FAST_HASHING must be 0 or 1'), '0'),
  ATTUNE_TEST_CLOCK: v.optional(v.picklist(['0', '1'], 'ATTUNE_TEST_CLOCK must be 0 or 1'), '0'),
  REMINDER_INTERVAL_SECONDS: v.pipe(
    v.optional(v.string(), '30'),
    v.regex(/^\d+$/, 'REMINDER_INTERVAL_SECONDS must be a whole number (0 turns the reminders worker off)'),
    v.transform((s) => Number(s)),
    v.number(),
    v.maxValue(3600, 'REMINDER_INTERVAL_SECONDS must be at most 3600'),
  ),
  IDEMPOTENCY_LEASE_SECONDS: v.pipe(
    v.optional(v.string(), '60'),
    v.regex(/^\d+$/, 'IDEMPOTENCY_LEASE_SECONDS must be a whole number of seconds (1 or more)'),
    v.transform((s) => Number(s)),
    v.number(),
    v.minValue(1, 'IDEMPOTENCY_LEASE_SECONDS must be 1 or more'),
    v.maxValue(3600, 'IDEMPOTENCY_LEASE_SECONDS must be at most 3600'),
  ),
  EVENT_STREAMS_PER_SESSION: v.pipe(
    v.optional(v.string(), '10'),
    v.regex(/^\d+$/, 'EVENT_STREAMS_PER_SESSION must be a whole number (1 or more)'),
    v.transform((s) => Number(s)),
    v.number(),
    v.minValue(1, 'EVENT_STREAMS_PER_SESSION must be 1 or more'),
    v.maxValue(1000, 'EVENT_STREAMS_PER_SESSION must be at most 1000'),
  ),
  EVENT_STREAMS_PER_PROCESS: v.pipe(
    v.optional(v.string(), '10000'),
    v.regex(/^\d+$/, 'EVENT_STREAMS_PER_PROCESS must be a whole number (1 or more)'),
    v.transform((s) => Number(s)),
    v.number(),
    v.minValue(1, 'EVENT_STREAMS_PER_PROCESS must be 1 or more'),
    v.maxValue(1000000, 'EVENT_STREAMS_PER_PROCESS must be at most 1000000'),
  ),
  HOME_DAYS_KEPT: v.pipe(
    v.optional(v.string(), '5000'),
    v.regex(/^\d+$/, 'HOME_DAYS_KEPT must be a whole number (0 keeps none)'),
    v.transform((s) => Number(s)),
    v.number(),
    v.maxValue(1000000, 'HOME_DAYS_KEPT must be at most 1000000'),
  ),
  VAPID_PUBLIC_KEY: v.optional(v.string()),
  VAPID_PRIVATE_KEY: v.optional(v.string()),
  VAPID_SUBJECT: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^(mailto:[^@\s]+@[^@\s]+|https:\/\/[^\s/]+\S*)$/, 'VAPID_SUBJECT must be a mailto: address or an https:// URL'),
    ),
  ),
  ATTUNE_PUSH_LOOPBACK: v.optional(v.picklist(['0', '1'], 'ATTUNE_PUSH_LOOPBACK must be 0 or 1'), '0'),
});

function databaseFrom(url: string | undefined, dataDir: string): Config['database'] {
  if (!url) return { kind: 'sqlite', url: `${dataDir.replace(/\/$/, '')}/attune.sqlite` };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  if (/^[a-z]+:\/\//i.test(url)) {
    throw new ConfigError('DATABASE_URL must be a file path or a postgres:// or postgresql:// URL');
  }
  return { kind: 'sqlite', url };
}

function base64Key32(name: string, value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!/^[A-Za-z0-9+/]{43}=$/.test(value) || Buffer.from(value, 'base64').length !== 32) {
    throw new ConfigError(`${name} must be 32 bytes encoded as base64 (for example: openssl rand -base64 32)`);
  }
  return value;
}

/**
 * The VAPID pair, checked here so a bad value stops the start with the variable's name: URL-safe
 * base64 without padding (what `npx web-push generate-vapid-keys` prints), a P-256 private key of 32
 * bytes and the uncompressed public key (65 bytes) that belongs to it. Both or neither.
 */
function vapidPair(
  publicKey: string | undefined,
  privateKey: string | undefined,
): Pick<Config['vapid'], 'publicKey' | 'privateKey'> {
  if (!publicKey && !privateKey) return { publicKey: null, privateKey: null };
  if (!publicKey || !privateKey) {
    throw new ConfigError(
      `Attune cannot start: ${publicKey ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY'} is missing; VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together (npx web-push generate-vapid-keys makes a pair)`,
    );
  }
  const pub = /^[A-Za-z0-9_-]{87}$/.test(publicKey) ? Buffer.from(publicKey, 'base64url') : Buffer.alloc(0);
  if (pub.length !== 65 || pub[0] !== 4) {
    throw new ConfigError('VAPID_PUBLIC_KEY must be a P-256 public key (65 bytes) in URL-safe base64 without padding');
  }
  const derived = p256PublicKeyOf(privateKey);
  if (!derived) {
    throw new ConfigError('VAPID_PRIVATE_KEY must be a P-256 private key (32 bytes) in URL-safe base64 without padding');
  }
  if (!derived.equals(pub)) {
    throw new ConfigError('VAPID_PUBLIC_KEY does not belong to VAPID_PRIVATE_KEY: set the two from the same pair');
  }
  return { publicKey, privateKey };
}

function p256PublicKeyOf(privateKey: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(privateKey)) return null;
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(privateKey, 'base64url'));
    return ecdh.getPublicKey();
  } catch {
    return null;
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = v.safeParse(EnvSchema, present);
  if (!parsed.success) {
    const issues = parsed.issues.map((issue) => {
      const key = issue.path?.map((p) => String(p.key)).join('.') ?? '';
      return issue.message.includes(key) ? issue.message : `${key}: ${issue.message}`;
    });
    throw new ConfigError(`Attune cannot start: ${issues.join('; ')}`);
  }
  const e = parsed.output;
  const database = databaseFrom(e.DATABASE_URL, e.DATA_DIR);
  const masterKey = base64Key32('MASTER_KEY', e.MASTER_KEY);
  const sessionSecret = base64Key32('SESSION_SECRET', e.SESSION_SECRET);
  if (database.kind === 'postgres' && (!masterKey || !sessionSecret)) {
    throw new ConfigError(
      'Attune cannot start: with PostgreSQL, MASTER_KEY and SESSION_SECRET must be set (each: openssl rand -base64 32)',
    );
  }
  const vapid = vapidPair(e.VAPID_PUBLIC_KEY, e.VAPID_PRIVATE_KEY);
  if (database.kind === 'postgres' && !vapid.publicKey) {
    throw new ConfigError(
      'Attune cannot start: with PostgreSQL, VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set (npx web-push generate-vapid-keys makes a pair)',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database,
    dataDir: e.DATA_DIR,
    publicUrl: new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`),
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL ? e.SMTP_URL : null,
    mailFrom: e.MAIL_FROM,
    quickExitUrl: e.QUICK_EXIT_URL,
    rateLimit: {
      windowMs: e.RATE_LIMIT_WINDOW_MINUTES * 60_000,
      signInFailuresPerAccount: e.RATE_LIMIT_SIGNIN_FAILURES,
      requestsPerAddress: e.RATE_LIMIT_PER_ADDRESS,
    },
    trustProxy: e.TRUST_PROXY === '1' || e.TRUST_PROXY === 'true',
    masterKey,
    sessionSecret,
    passwordHashing: e.ATTUNE_FAST_HASHING === '1' ? 'fast-for-tests' : 'standard',
    testClock: e.ATTUNE_TEST_CLOCK === '1',
    reminderIntervalSeconds: e.REMINDER_INTERVAL_SECONDS,
    idempotencyLeaseSeconds: e.IDEMPOTENCY_LEASE_SECONDS,
    eventStreamsPerSession: e.EVENT_STREAMS_PER_SESSION,
    eventStreamsPerProcess: e.EVENT_STREAMS_PER_PROCESS,
    homeDaysKept: e.HOME_DAYS_KEPT,
    vapid: { ...vapid, subject: e.VAPID_SUBJECT ?? `mailto:${e.MAIL_FROM}` },
    pushLoopback: e.ATTUNE_PUSH_LOOPBACK === '1',
  };
}
