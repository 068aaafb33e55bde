import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newDataKey, openWithKey, type SealContext, SealError, sealWithKey, unwrapDataKey, wrapDataKey } from './seal';

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);
const ctx: SealContext = { table: 'notes', column: 'body', rowId: '0190f5a2-0000-7000-8000-000000000001' };

function flipByteOfSealed(sealed: string, index: number): string {
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  raw[index] = (raw[index] ?? 0) ^ 0x01;
  return `v1.${raw.toString('base64url')}`;
}

describe('sealWithKey / openWithKey', () => {
  it.each([
    ['plain text', 'We talked about the holidays.'],
    ['empty string', ''],
    ['unicode and emoji', 'Ça va? 你好 — 🌷💞👩‍❤️‍👨 ẞ'],
    ['newlines and NUL', 'line one\nline two\u0000after nul'],
    ['60 KB', 'abcdefghij'.repeat(6 * 1024)],
  ])('round-trips %s', (_name, text) => {
    const sealed = sealWithKey(key, ctx, text);
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(openWithKey(key, ctx, sealed)).toBe(text);
  });

  it('property: any string round-trips', () => {
    fc.assert(
      // 'grapheme' units are well-formed UTF-16 (lone surrogates cannot survive UTF-8 anyway).
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        (text) => openWithKey(key, ctx, sealWithKey(key, ctx, text)) === text,
      ),
    );
  });

  it('uses base64url without padding after the version prefix', () => {
    const sealed = sealWithKey(key, ctx, 'some words');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    // nonce (12) + ciphertext (10) + tag (16)
    expect(Buffer.from(sealed.slice(3), 'base64url').length).toBe(12 + 10 + 16);
  });

  it('never contains the plaintext, nor its base64 or hex forms', () => {
    const secret = 'ZEBRA-PINEAPPLE-SECRET-ZEBRA-PINEAPPLE-SECRET';
    const sealed = sealWithKey(key, ctx, secret);
    const forms = [
      secret,
      secret.toLowerCase(),
      Buffer.from(secret).toString('base64'),
      Buffer.from(secret).toString('base64url'),
      Buffer.from(secret).toString('hex'),
      'ZEBRA',
      'PINEAPPLE',
    ];
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    for (const form of forms) {
      expect(sealed).not.toContain(form);
      expect(raw.includes(Buffer.from(form))).toBe(false);
    }
    // Substrings of the base64 form (which would appear if the plaintext were merely encoded).
    expect(sealed).not.toContain(Buffer.from(secret).toString('base64url').slice(0, 16));
    expect(raw.toString('hex')).not.toContain(Buffer.from(secret).toString('hex').slice(0, 16));
  });

  it('sealing the same text twice gives different values (fresh nonce)', () => {
    const a = sealWithKey(key, ctx, 'same words');
    const b = sealWithKey(key, ctx, 'same words');
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice(3), 'base64url').subarray(0, 12)).not.toEqual(
      Buffer.from(b.slice(3), 'base64url').subarray(0, 12),
    );
    expect(openWithKey(key, ctx, a)).toBe('same words');
    expect(openWithKey(key, ctx, b)).toBe('same words');
  });

  it('nonces are unique across many seals', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 2000; i++)
      nonces.add(
        Buffer.from(sealWithKey(key, ctx, 'x').slice(3), 'base64url')
          .subarray(0, 12)
          .toString('hex'),
      );
    expect(nonces.size).toBe(2000);
  });

  it('fails with SealError under the wrong key', () => {
    const sealed = sealWithKey(key, ctx, 'private words');
    expect(() => openWithKey(otherKey, ctx, sealed)).toThrow(SealError);
  });

  it.each([
    ['table', { ...ctx, table: 'other_notes' }],
    ['column', { ...ctx, column: 'title' }],
    ['rowId', { ...ctx, rowId: '0190f5a2-0000-7000-8000-000000000002' }],
  ])('fails with SealError when moved to another %s', (_name, moved) => {
    const sealed = sealWithKey(key, ctx, 'private words');
    expect(() => openWithKey(key, moved, sealed)).toThrow(SealError);
  });

  it('binds the context unambiguously (field boundaries matter)', () => {
    const a: SealContext = { table: 'ab', column: 'c', rowId: '1' };
    const b: SealContext = { table: 'a', column: 'bc', rowId: '1' };
    expect(() => openWithKey(key, b, sealWithKey(key, a, 'words'))).toThrow(SealError);
  });

  it('fails with SealError when any byte is tampered with', () => {
    const sealed = sealWithKey(key, ctx, 'tamper with me');
    const length = Buffer.from(sealed.slice(3), 'base64url').length;
    for (let i = 0; i < length; i++) {
      expect(() => openWithKey(key, ctx, flipByteOfSealed(sealed, i)), `byte ${i}`).toThrow(SealError);
    }
  });

  it('fails with SealError when truncated, extended, or of an unknown format', () => {
    const sealed = sealWithKey(key, ctx, 'words');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    expect(() => openWithKey(key, ctx, `v1.${raw.subarray(0, raw.length - 1).toString('base64url')}`)).toThrow(SealError);
    expect(() => openWithKey(key, ctx, `v1.${Buffer.concat([raw, Buffer.from([0])]).toString('base64url')}`)).toThrow(SealError);
    expect(() => openWithKey(key, ctx, `v1.${raw.subarray(0, 27).toString('base64url')}`)).toThrow(SealError);
    expect(() => openWithKey(key, ctx, 'v1.')).toThrow(SealError);
    expect(() => openWithKey(key, ctx, '')).toThrow(SealError);
    expect(() => openWithKey(key, ctx, `v2.${sealed.slice(3)}`)).toThrow(SealError);
    expect(() => openWithKey(key, ctx, 'plain words')).toThrow(SealError);
  });

  it('rejects keys that are not 32 bytes, both ways', () => {
    const sealed = sealWithKey(key, ctx, 'words');
    for (const bad of [Buffer.alloc(0), Buffer.alloc(16, 1), Buffer.alloc(31, 1), Buffer.alloc(33, 1), Buffer.alloc(64, 1)]) {
      expect(() => sealWithKey(bad, ctx, 'words')).toThrow(SealError);
      expect(() => openWithKey(bad, ctx, sealed)).toThrow(SealError);
      expect(() => wrapDataKey(bad, 'u1', newDataKey())).toThrow(SealError);
    }
  });
});

describe('data keys', () => {
  const master = randomBytes(32);

  it('newDataKey returns 32 fresh random bytes', () => {
    const a = newDataKey();
    const b = newDataKey();
    expect(a.length).toBe(32);
    expect(a.equals(b)).toBe(false);
  });

  it('wrap/unwrap round-trips for the same user', () => {
    const dataKey = newDataKey();
    const wrapped = wrapDataKey(master, 'user-a', dataKey);
    expect(wrapped.startsWith('v1.')).toBe(true);
    expect(unwrapDataKey(master, 'user-a', wrapped).equals(dataKey)).toBe(true);
  });

  it('a wrapped key does not contain the data key bytes', () => {
    const dataKey = newDataKey();
    const raw = Buffer.from(wrapDataKey(master, 'user-a', dataKey).slice(3), 'base64url');
    expect(raw.includes(dataKey)).toBe(false);
    expect(raw.includes(dataKey.subarray(0, 8))).toBe(false);
  });

  it('a key wrapped for user A does not unwrap for user B', () => {
    const wrapped = wrapDataKey(master, 'user-a', newDataKey());
    expect(() => unwrapDataKey(master, 'user-b', wrapped)).toThrow(SealError);
    expect(() => unwrapDataKey(master, 'user-a ', wrapped)).toThrow(SealError);
  });

  it('does not unwrap under another master key, or after tampering', () => {
    const wrapped = wrapDataKey(master, 'user-a', newDataKey());
    expect(() => unwrapDataKey(randomBytes(32), 'user-a', wrapped)).toThrow(SealError);
    expect(() => unwrapDataKey(master, 'user-a', flipByteOfSealed(wrapped, 20))).toThrow(SealError);
    expect(() => unwrapDataKey(master, 'user-a', wrapped.slice(3))).toThrow(SealError);
    expect(() => unwrapDataKey(Buffer.alloc(16), 'user-a', wrapped)).toThrow(SealError);
  });

  it('a wrapped data key is not openable as sealed text and vice versa (different associated data)', () => {
    const wrapped = wrapDataKey(master, 'user-a', newDataKey());
    expect(() => openWithKey(master, { table: 'data-key', column: 'user-a', rowId: '' }, wrapped)).toThrow(SealError);
  });

  it('an unwrapped data key seals and opens text', () => {
    const dataKey = newDataKey();
    const unwrapped = unwrapDataKey(master, 'user-a', wrapDataKey(master, 'user-a', dataKey));
    const sealed = sealWithKey(unwrapped, ctx, 'hello');
    expect(openWithKey(dataKey, ctx, sealed)).toBe('hello');
  });
});
