import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateVapidPair } from '../crypto/vapid';
import { ConfigError, loadConfig } from './env';

const key32 = () => randomBytes(32).toString('base64');

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`expected loadConfig to throw for ${JSON.stringify(env)}`);
}

describe('loadConfig defaults', () => {
  it('starts with sensible defaults from an empty environment', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('0.0.0.0');
    expect(c.database).toEqual({ kind: 'sqlite', url: './data/attune.sqlite' });
    expect(c.dataDir).toBe('./data');
    expect(c.publicUrl).toBeInstanceOf(URL);
    expect(c.publicUrl.href).toBe('http://localhost:3000/');
    expect(c.logLevel).toBe('info');
    expect(c.smtpUrl).toBeNull();
    expect(c.mailFrom).toBe('attune@localhost');
    expect(c.quickExitUrl).toBe('https://www.bbc.co.uk/weather');
    expect(c.rateLimit).toEqual({ windowMs: 15 * 60_000, signInFailuresPerAccount: 20, requestsPerAddress: 1000 });
    expect(c.trustProxy).toBe(false);
    expect(c.masterKey).toBeNull();
    expect(c.sessionSecret).toBeNull();
    expect(c.passwordHashing).toBe('standard');
  });

  it('treats empty-string values as unset', () => {
    const c = loadConfig({
      PORT: '',
      HOST: '',
      DATABASE_URL: '',
      DATA_DIR: '',
      PUBLIC_URL: '',
      LOG_LEVEL: '',
      SMTP_URL: '',
      MAIL_FROM: '',
      QUICK_EXIT_URL: '',
      RATE_LIMIT_SIGNIN_FAILURES: '',
      MASTER_KEY: '',
      SESSION_SECRET: '',
      TRUST_PROXY: '',
    });
    expect(c).toEqual(loadConfig({}));
  });

  it('treats undefined values as unset and ignores unrelated variables', () => {
    expect(loadConfig({ PORT: undefined, HOME: '/root', PATH: '/usr/bin' })).toEqual(loadConfig({}));
  });

  it('derives the default public URL from PORT', () => {
    const c = loadConfig({ PORT: '8080' });
    expect(c.port).toBe(8080);
    expect(c.publicUrl.href).toBe('http://localhost:8080/');
  });

  it('puts the sqlite file inside DATA_DIR, with or without a trailing slash', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/attune' }).database).toEqual({
      kind: 'sqlite',
      url: '/var/lib/attune/attune.sqlite',
    });
    expect(loadConfig({ DATA_DIR: '/var/lib/attune/' }).database).toEqual({
      kind: 'sqlite',
      url: '/var/lib/attune/attune.sqlite',
    });
  });

  it('uses a DATABASE_URL file path as sqlite', () => {
    expect(loadConfig({ DATABASE_URL: '/tmp/a.sqlite' }).database).toEqual({ kind: 'sqlite', url: '/tmp/a.sqlite' });
  });
});

describe('loadConfig PORT', () => {
  it.each(['abc', '3000.5', '0', '-1', '65536'])('rejects PORT=%s naming PORT', (port) => {
    const err = configError({ PORT: port });
    expect(err.message).toContain('PORT');
    expect(err.message).toMatch(/^Attune cannot start: /);
  });

  it('accepts the edges 1 and 65535', () => {
    expect(loadConfig({ PORT: '1' }).port).toBe(1);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
  });
});

describe('loadConfig database', () => {
  it.each(['postgres://u:p@h/db', 'postgresql://u:p@h:5432/db'])('%s is postgres and needs both secrets', (url) => {
    const err = configError({ DATABASE_URL: url });
    expect(err.message).toContain('MASTER_KEY');
    expect(err.message).toContain('SESSION_SECRET');
    expect(configError({ DATABASE_URL: url, MASTER_KEY: key32() }).message).toContain('SESSION_SECRET');
    expect(configError({ DATABASE_URL: url, SESSION_SECRET: key32() }).message).toContain('MASTER_KEY');
    const master = key32();
    const secret = key32();
    // Web push keys are required with PostgreSQL too (tests/integration/push.test.ts covers them).
    const vapid = generateVapidPair();
    const c = loadConfig({
      DATABASE_URL: url,
      MASTER_KEY: master,
      SESSION_SECRET: secret,
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
    });
    expect(c.database).toEqual({ kind: 'postgres', url });
    expect(c.masterKey).toBe(master);
    expect(c.sessionSecret).toBe(secret);
  });

  it.each(['mysql://x', 'sqlite://x.db', 'HTTP://example.org/db'])('rejects DATABASE_URL=%s', (url) => {
    expect(configError({ DATABASE_URL: url }).message).toContain('DATABASE_URL');
  });
});

describe('loadConfig secrets', () => {
  it('accepts a base64-encoded 32-byte MASTER_KEY and SESSION_SECRET with sqlite too', () => {
    const master = key32();
    const c = loadConfig({ MASTER_KEY: master, SESSION_SECRET: key32() });
    expect(c.masterKey).toBe(master);
    expect(Buffer.from(c.masterKey as string, 'base64').length).toBe(32);
  });

  it.each([
    ['16 bytes', randomBytes(16).toString('base64')],
    ['31 bytes', randomBytes(31).toString('base64')],
    ['33 bytes', randomBytes(33).toString('base64')],
    ['64 hex characters', randomBytes(32).toString('hex')],
    ['a word', 'secret'],
  ])('rejects a MASTER_KEY of %s, naming MASTER_KEY', (_name, value) => {
    const err = configError({ MASTER_KEY: value });
    expect(err.message).toContain('MASTER_KEY');
    expect(err.message).not.toContain('SESSION_SECRET');
  });

  it('rejects a short SESSION_SECRET naming SESSION_SECRET', () => {
    expect(configError({ SESSION_SECRET: randomBytes(8).toString('base64') }).message).toContain('SESSION_SECRET');
  });

  it('does not echo the rejected secret in the message', () => {
    const bad = randomBytes(20).toString('base64');
    expect(configError({ MASTER_KEY: bad }).message).not.toContain(bad);
  });
});

describe('loadConfig URLs and other values', () => {
  it('accepts an https PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://attune.example.org' }).publicUrl.href).toBe('https://attune.example.org/');
    expect(loadConfig({ PUBLIC_URL: 'https://attune.example.org/base/' }).publicUrl.pathname).toBe('/base/');
  });

  it.each(['ftp://example.org', 'example.org', 'not a url'])('rejects PUBLIC_URL=%s naming PUBLIC_URL', (url) => {
    expect(configError({ PUBLIC_URL: url }).message).toContain('PUBLIC_URL');
  });

  it('rejects a non-http QUICK_EXIT_URL and accepts an http(s) one', () => {
    expect(configError({ QUICK_EXIT_URL: 'javascript:alert(1)' }).message).toContain('QUICK_EXIT_URL');
    expect(loadConfig({ QUICK_EXIT_URL: 'https://example.org/news' }).quickExitUrl).toBe('https://example.org/news');
  });

  it('accepts smtp:// and smtps:// SMTP_URL and rejects anything else', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://localhost:1025' }).smtpUrl).toBe('smtp://localhost:1025');
    expect(loadConfig({ SMTP_URL: 'smtps://user:pw@mail.example.org' }).smtpUrl).toBe('smtps://user:pw@mail.example.org');
    for (const bad of ['http://mail.example.org', 'mail.example.org', 'smtp://']) {
      expect(configError({ SMTP_URL: bad }).message, bad).toContain('SMTP_URL');
    }
  });

  it('limits RATE_LIMIT_SIGNIN_FAILURES to 1..20', () => {
    expect(loadConfig({ RATE_LIMIT_SIGNIN_FAILURES: '20' }).rateLimit.signInFailuresPerAccount).toBe(20);
    expect(loadConfig({ RATE_LIMIT_SIGNIN_FAILURES: '5' }).rateLimit.signInFailuresPerAccount).toBe(5);
    expect(configError({ RATE_LIMIT_SIGNIN_FAILURES: '21' }).message).toContain('RATE_LIMIT_SIGNIN_FAILURES');
    expect(configError({ RATE_LIMIT_SIGNIN_FAILURES: '0' }).message).toContain('RATE_LIMIT_SIGNIN_FAILURES');
  });

  it('keeps 5,000 home days by default, 0 to keep none, and refuses anything but a whole number', () => {
    expect(loadConfig({}).homeDaysKept).toBe(5000);
    expect(loadConfig({ HOME_DAYS_KEPT: '0' }).homeDaysKept).toBe(0);
    expect(configError({ HOME_DAYS_KEPT: '-1' }).message).toContain('HOME_DAYS_KEPT');
    expect(configError({ HOME_DAYS_KEPT: 'lots' }).message).toContain('HOME_DAYS_KEPT');
  });

  it('converts the rate-limit window from minutes to milliseconds', () => {
    expect(loadConfig({ RATE_LIMIT_WINDOW_MINUTES: '2' }).rateLimit.windowMs).toBe(120_000);
    expect(configError({ RATE_LIMIT_PER_ADDRESS: 'many' }).message).toContain('RATE_LIMIT_PER_ADDRESS');
  });

  it('accepts every log level and rejects others naming LOG_LEVEL', () => {
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const) {
      expect(loadConfig({ LOG_LEVEL: level }).logLevel).toBe(level);
    }
    expect(configError({ LOG_LEVEL: 'verbose' }).message).toContain('LOG_LEVEL');
    expect(configError({ LOG_LEVEL: 'INFO' }).message).toContain('LOG_LEVEL');
  });

  it('reads TRUST_PROXY and ATTUNE_FAST_HASHING', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(configError({ TRUST_PROXY: 'yes' }).message).toContain('TRUST_PROXY');
    expect(loadConfig({ ATTUNE_FAST_HASHING: '1' }).passwordHashing).toBe('fast-for-tests');
    expect(configError({ ATTUNE_FAST_HASHING: 'true' }).message).toContain('ATTUNE_FAST_HASHING');
  });

  it('validates MAIL_FROM as an address', () => {
    expect(loadConfig({ MAIL_FROM: 'hello@attune.example.org' }).mailFrom).toBe('hello@attune.example.org');
    expect(configError({ MAIL_FROM: 'Attune' }).message).toContain('MAIL_FROM');
  });

  it('names every bad variable when several are wrong', () => {
    const err = configError({ PORT: 'abc', LOG_LEVEL: 'loud', SMTP_URL: 'http://x' });
    for (const name of ['PORT', 'LOG_LEVEL', 'SMTP_URL']) expect(err.message).toContain(name);
  });
});

describe('strict numbers and keys', () => {
  it.each(['0x50', '1e3', ' 80 ', '80.0'])('refuses PORT=%j, naming PORT', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(/PORT/);
  });
  it('refuses a MASTER_KEY with characters outside base64', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(() => loadConfig({ MASTER_KEY: `!!${key}!!` })).toThrow(/MASTER_KEY/);
    expect(loadConfig({ MASTER_KEY: key }).masterKey).toBe(key);
  });
});

describe('REMINDER_INTERVAL_SECONDS', () => {
  it('defaults to 30 seconds, takes 0 for no worker, and refuses anything else naming the variable', () => {
    expect(loadConfig({}).reminderIntervalSeconds).toBe(30);
    expect(loadConfig({ REMINDER_INTERVAL_SECONDS: '0' }).reminderIntervalSeconds).toBe(0);
    expect(loadConfig({ REMINDER_INTERVAL_SECONDS: '5' }).reminderIntervalSeconds).toBe(5);
    for (const bad of ['-1', '1.5', 'often', '3601']) {
      expect(configError({ REMINDER_INTERVAL_SECONDS: bad }).message).toContain('REMINDER_INTERVAL_SECONDS');
    }
  });
});
