import { createECDH } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, ConfigError } from '../config/env.js';

/** The server's web push identity (VAPID, RFC 8292): a P-256 pair in URL-safe base64, and a contact. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

type Pair = Pick<VapidKeys, 'publicKey' | 'privateKey'>;

/** A fresh P-256 pair; the private scalar is padded to 32 bytes (Node drops leading zero bytes). */
export function generateVapidPair(): Pair {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const privateKey = Buffer.alloc(32);
  const raw = ecdh.getPrivateKey();
  raw.copy(privateKey, 32 - raw.length);
  return { publicKey: ecdh.getPublicKey().toString('base64url'), privateKey: privateKey.toString('base64url') };
}

/**
 * Like the other secrets (crypto/secrets.ts): on SQLite the pair is made into the data folder on first
 * start (vapid.json, mode 0600) so a self-hoster has nothing to configure; with PostgreSQL several
 * processes must sign alike, so config validation already insisted on VAPID_PUBLIC_KEY and
 * VAPID_PRIVATE_KEY. Changing the pair later makes every browser subscribe again.
 */
export function loadVapidKeys(config: Config): VapidKeys {
  const { publicKey, privateKey, subject } = config.vapid;
  if (publicKey && privateKey) return { publicKey, privateKey, subject };
  mkdirSync(config.dataDir, { recursive: true });
  return { ...filePair(join(config.dataDir, 'vapid.json')), subject };
}

function filePair(path: string): Pair {
  if (!existsSync(path)) {
    const pair = generateVapidPair();
    try {
      writeFileSync(path, `${JSON.stringify(pair)}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(path, 0o600);
      return pair;
    } catch (err) {
      // Another process on the same data folder wrote it first: use theirs.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return readPair(path);
}

function readPair(path: string): Pair {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new ConfigError(`${path} is not readable JSON; move it away to have a new pair made`);
  }
  const pair = parsed as Partial<Pair> | null;
  if (
    typeof pair?.publicKey !== 'string' ||
    typeof pair.privateKey !== 'string' ||
    !pairMatches(pair.publicKey, pair.privateKey)
  ) {
    throw new ConfigError(`${path} does not hold a matching VAPID key pair; move it away to have a new pair made`);
  }
  return { publicKey: pair.publicKey, privateKey: pair.privateKey };
}

function pairMatches(publicKey: string, privateKey: string): boolean {
  try {
    const priv = Buffer.from(privateKey, 'base64url');
    if (priv.length !== 32) return false;
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(priv);
    return ecdh.getPublicKey().equals(Buffer.from(publicKey, 'base64url'));
  } catch {
    return false;
  }
}
