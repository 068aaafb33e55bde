import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBool, toCount } from './values';

describe('toCount', () => {
  it('passes numbers through', () => {
    expect(toCount(0)).toBe(0);
    expect(toCount(42)).toBe(42);
  });
  it('converts bigints (SQLite with safeIntegers)', () => {
    expect(toCount(42n)).toBe(42);
    expect(toCount(0n)).toBe(0);
  });
  it('converts numeric strings (pg returns count(*) as text)', () => {
    expect(toCount('42')).toBe(42);
    expect(toCount('0')).toBe(0);
    expect(toCount('-3')).toBe(-3);
    expect(toCount('2.5')).toBe(2.5);
  });
  it('treats null and undefined as zero (empty aggregate)', () => {
    expect(toCount(null)).toBe(0);
    expect(toCount(undefined)).toBe(0);
  });
  it.each(['abc', '', ' 42', '42 ', '4e2', '0x10', '1,000', true, {}, []])('rejects %o with a TypeError', (value) => {
    expect(() => toCount(value)).toThrow(TypeError);
  });
  it('property: any safe integer survives as number, bigint or decimal string', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => toCount(n) === n && toCount(BigInt(n)) === n && toCount(String(n)) === n));
  });
});

describe('toBool', () => {
  it.each([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ['1', true],
    ['0', false],
    ['t', true],
    ['f', false],
    ['true', true],
    ['false', false],
    [null, false],
  ])('%o -> %s', (input, expected) => {
    expect(toBool(input)).toBe(expected);
  });
  it.each([2, -1, 'yes', 'no', 'T', 'TRUE', '', undefined, {}])('rejects %o with a TypeError', (value) => {
    expect(() => toBool(value)).toThrow(TypeError);
  });
});
