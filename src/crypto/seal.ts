import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Sealed text: AES-256-GCM with a fresh 96-bit nonce per value. The associated data binds each
 * value to its place (table, column, row id), so a sealed value copied into another row or column
 * fails to open instead of showing the wrong words. Format: "v1." + base64url(nonce | ciphertext | tag).
 */
export interface SealContext {
  table: string;
  column: string;
  rowId: string;
}

const VERSION = 'v1.';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class SealError extends Error {
  override name = 'SealError';
}

function associatedData(context: SealContext): Buffer {
  return Buffer.from(`${context.table}\u0000${context.column}\u0000${context.rowId}`, 'utf8');
}

export function sealWithKey(key: Buffer, context: SealContext, plaintext: string): string {
  return VERSION + encrypt(key, associatedData(context), Buffer.from(plaintext, 'utf8')).toString('base64url');
}

export function openWithKey(key: Buffer, context: SealContext, sealed: string): string {
  if (!sealed.startsWith(VERSION)) throw new SealError('Unknown sealed format');
  return decrypt(key, associatedData(context), Buffer.from(sealed.slice(VERSION.length), 'base64url')).toString('utf8');
}

/** A per-user data key, wrapped by the master key and bound to its user. */
export function newDataKey(): Buffer {
  return randomBytes(32);
}

export function wrapDataKey(masterKey: Buffer, userId: string, dataKey: Buffer): string {
  return VERSION + encrypt(masterKey, Buffer.from(`data-key\u0000${userId}`), dataKey).toString('base64url');
}

export function unwrapDataKey(masterKey: Buffer, userId: string, wrapped: string): Buffer {
  if (!wrapped.startsWith(VERSION)) throw new SealError('Unknown wrapped key format');
  return decrypt(masterKey, Buffer.from(`data-key\u0000${userId}`), Buffer.from(wrapped.slice(VERSION.length), 'base64url'));
}

function encrypt(key: Buffer, aad: Buffer, plaintext: Buffer): Buffer {
  if (key.length !== 32) throw new SealError('Keys are 32 bytes');
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

function decrypt(key: Buffer, aad: Buffer, packed: Buffer): Buffer {
  if (key.length !== 32) throw new SealError('Keys are 32 bytes');
  if (packed.length < NONCE_BYTES + TAG_BYTES) throw new SealError('Sealed value is too short');
  const nonce = packed.subarray(0, NONCE_BYTES);
  const tag = packed.subarray(packed.length - TAG_BYTES);
  const body = packed.subarray(NONCE_BYTES, packed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new SealError('Sealed value could not be opened');
  }
}
