/**
 * What a browser does with a push message, written from the RFCs for tests (independent of the
 * web-push and http_ece packages that build the message):
 *  - decryptWebPush: RFC 8291 (Message Encryption for Web Push) over RFC 8188 (aes128gcm);
 *  - verifyVapid: RFC 8292 (VAPID), the `Authorization: vapid t=<JWT>, k=<public key>` header.
 */
import { createDecipheriv, createECDH, createPublicKey, type ECDH, hkdfSync, verify } from 'node:crypto';

/** A browser's side of a subscription: its P-256 key pair and 16-byte auth secret. */
export interface BrowserKeys {
  ecdh: ECDH;
  auth: Buffer;
  /** As PushSubscription.toJSON() gives them (URL-safe base64, no padding). */
  json: { p256dh: string; auth: string };
}

export function newBrowserKeys(auth: Buffer): BrowserKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { ecdh, auth, json: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
}

const hkdf = (ikm: Buffer, salt: Buffer, info: Buffer, length: number) =>
  Buffer.from(hkdfSync('sha256', ikm, salt, info, length));

/** Decrypts an aes128gcm push body with the browser's keys; throws if anything does not authenticate. */
export function decryptWebPush(body: Buffer, browser: BrowserKeys): Buffer {
  // RFC 8188 §2.1 header: salt (16) | rs (uint32) | idlen (1) | keyid (idlen). In Web Push the key id
  // is the application server's ephemeral public key (RFC 8291 §4).
  if (body.length < 21) throw new Error('push body too short for an aes128gcm header');
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body.readUInt8(20);
  const asPublic = body.subarray(21, 21 + idlen);
  if (idlen !== 65 || asPublic[0] !== 4) throw new Error('the key id is not an uncompressed P-256 public key');
  if (rs < 18) throw new Error('record size too small');

  // RFC 8291 §3.3-3.4: the input keying material from the ECDH secret and the auth secret.
  const uaPublic = browser.ecdh.getPublicKey();
  const ecdhSecret = browser.ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = hkdf(ecdhSecret, browser.auth, keyInfo, 32);
  // RFC 8188 §2.2-2.3: the content-encryption key and the nonce base.
  const cek = hkdf(ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonceBase = hkdf(ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12);

  const records = body.subarray(21 + idlen);
  const parts: Buffer[] = [];
  for (let offset = 0, seq = 0; offset < records.length; offset += rs, seq += 1) {
    const record = records.subarray(offset, Math.min(offset + rs, records.length));
    const last = offset + rs >= records.length;
    const nonce = Buffer.from(nonceBase);
    // The record sequence number (96-bit big-endian) XORed into the nonce: only the low 32 bits
    // can be non-zero for any body a test handles.
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ seq) >>> 0, 8);
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    // RFC 8188 §2: content, then a delimiter (2 in the last record, 1 before), then zero padding.
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end -= 1;
    if (end < 0 || padded[end] !== (last ? 2 : 1)) throw new Error('bad padding delimiter');
    parts.push(padded.subarray(0, end));
  }
  return Buffer.concat(parts);
}

export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
}

/**
 * Checks an `Authorization: vapid t=…, k=…` header: the JWT is ES256, signed by the private key of
 * `k`, and `k` is the expected server key. Returns the claims; throws when anything is off.
 */
export function verifyVapid(header: string | undefined, expectedPublicKey: string): VapidClaims {
  const match = /^vapid t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+), k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match?.[1] || !match[2]) throw new Error(`not a vapid Authorization header: ${header}`);
  const [jwt, k] = [match[1], match[2]];
  if (k !== expectedPublicKey) throw new Error('k is not the server public key');
  const [head, payload, signature] = jwt.split('.') as [string, string, string];
  const jose = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
  if (jose.alg !== 'ES256') throw new Error(`unexpected JWT alg ${jose.alg}`);
  const point = Buffer.from(k, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const ok = verify(
    'sha256',
    Buffer.from(`${head}.${payload}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!ok) throw new Error('the VAPID JWT signature does not verify');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as VapidClaims;
}
