import { api } from '../api/client';

/**
 * The key that seals this person's queued writes at rest (decision 026). The server derives it
 * from its session secret and the person's id and gives it only to a signed-in session of theirs
 * (`auth.outboxKey`), so every session of theirs opens what another queued. Here it lives in this
 * page's memory only, imported as a non-extractable AES-GCM key: nothing on the device can open a
 * queued write once the page is gone, and signing in again brings the key back.
 */

let held: { userId: string; key: CryptoKey } | null = null;
let loading: { userId: string; promise: Promise<CryptoKey | null> } | null = null;
/** Bumped when the key is forgotten, so a key still on its way is not kept afterwards. */
let generation = 0;

/** WebCrypto exists only in a secure context (https, or localhost): without it nothing is sealed. */
export const canSeal = (): boolean => typeof crypto !== 'undefined' && typeof crypto.subtle?.encrypt === 'function';

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The signed-in person's key: from memory, else asked of the server once (null offline or without WebCrypto). */
export function outboxKey(userId: string): Promise<CryptoKey | null> {
  if (held?.userId === userId) return Promise.resolve(held.key);
  if (!canSeal()) return Promise.resolve(null);
  if (loading?.userId === userId) return loading.promise;
  const mine = generation;
  const promise = (async (): Promise<CryptoKey | null> => {
    try {
      const raw = fromBase64url((await api('auth.outboxKey')).key);
      const key = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
      raw.fill(0);
      if (mine !== generation) return null;
      held = { userId, key };
      return key;
    } catch {
      return null;
    }
  })();
  const entry = { userId, promise };
  loading = entry;
  // Asked again after a failure (offline): a new request then.
  void promise.then(() => {
    if (loading === entry) loading = null;
  });
  return promise;
}

/** Forgets the key (signing out, quick exit): what waits stays sealed until the person signs in again. */
export function forgetOutboxKey(): void {
  generation += 1;
  held = null;
  loading = null;
}

// Each sealed write is bound to its owner and its Idempotency-Key: moved to another slot or person,
// it does not open.
const boundTo = (userId: string, itemKey: string) => new TextEncoder().encode(`attune-outbox\u0000${userId}\u0000${itemKey}`);

/** "v1." + base64url(12-byte nonce | AES-256-GCM ciphertext and tag) of the JSON of `value`. */
export async function sealFor(key: CryptoKey, userId: string, itemKey: string, value: unknown): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: boundTo(userId, itemKey) }, key, plain),
  );
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return `v1.${toBase64url(out)}`;
}

/** The value sealed by sealFor; throws when it does not open under this key, owner and slot. */
export async function openFor(key: CryptoKey, userId: string, itemKey: string, sealed: string): Promise<unknown> {
  if (!sealed.startsWith('v1.')) throw new Error('unknown format');
  const raw = fromBase64url(sealed.slice(3));
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: raw.subarray(0, 12), additionalData: boundTo(userId, itemKey) },
    key,
    raw.subarray(12),
  );
  return JSON.parse(new TextDecoder().decode(plain));
}
