import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/env.js';

export interface Secrets {
  masterKey: Buffer;
  sessionSecret: Buffer;
}

/**
 * On SQLite the secrets live in the data folder, created on first start (mode 0600), so a
 * self-hoster has nothing to configure. On PostgreSQL several processes must share them, so they
 * come from the environment (config validation already insists).
 */
export function loadSecrets(config: Config): Secrets {
  if (config.masterKey && config.sessionSecret) {
    return { masterKey: Buffer.from(config.masterKey, 'base64'), sessionSecret: Buffer.from(config.sessionSecret, 'base64') };
  }
  mkdirSync(config.dataDir, { recursive: true });
  return {
    masterKey: config.masterKey ? Buffer.from(config.masterKey, 'base64') : fileSecret(join(config.dataDir, 'master.key')),
    sessionSecret: config.sessionSecret
      ? Buffer.from(config.sessionSecret, 'base64')
      : fileSecret(join(config.dataDir, 'session.secret')),
  };
}

function fileSecret(path: string): Buffer {
  if (existsSync(path)) {
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${path} does not hold a 32-byte base64 key`);
    return key;
  }
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return key;
}
