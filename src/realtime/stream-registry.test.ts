import { describe, expect, it } from 'vitest';
import { type OpenStream, SHED_RETRY_MS, StreamRegistry } from './stream-registry.js';

const stream = (sessionId: string, shedLog: string[], name: string): OpenStream => ({
  sessionId,
  shed: (retryMs) => shedLog.push(`${name}@${retryMs}`),
});

describe('the stream registry', () => {
  it('sheds a session’s oldest stream past its cap, telling it to wait before coming back', () => {
    const shed: string[] = [];
    const registry = new StreamRegistry();
    const limits = { perSession: 2, perProcess: 100 };
    const [a, b, c] = ['a', 'b', 'c'].map((n) => stream('s1', shed, n)) as [OpenStream, OpenStream, OpenStream];
    expect(registry.admit(a, limits)).toBe(true);
    expect(registry.admit(b, limits)).toBe(true);
    expect(registry.admit(c, limits)).toBe(true);
    expect(shed).toEqual([`a@${SHED_RETRY_MS}`]);
    expect(registry.countOf('s1')).toBe(2);
    registry.release(a); // already shed: nothing changes
    expect(registry.size).toBe(2);
  });

  it('refuses a new session once the process is full, but lets a session at its cap replace its own', () => {
    const shed: string[] = [];
    const registry = new StreamRegistry();
    const limits = { perSession: 2, perProcess: 3 };
    for (const n of ['a', 'b']) expect(registry.admit(stream('s1', shed, n), limits)).toBe(true);
    expect(registry.admit(stream('s2', shed, 'c'), limits)).toBe(true);
    expect(registry.admit(stream('s3', shed, 'd'), limits)).toBe(false);
    expect(registry.countOf('s3')).toBe(0);
    expect(registry.admit(stream('s1', shed, 'e'), limits)).toBe(true);
    expect(shed).toEqual([`a@${SHED_RETRY_MS}`]);
    expect(registry.size).toBe(3);
  });

  it('counts down as streams close, to zero', () => {
    const registry = new StreamRegistry();
    const limits = { perSession: 5, perProcess: 5 };
    const open = ['a', 'b', 'c'].map((n, i) => stream(`s${i}`, [], n));
    for (const s of open) registry.admit(s, limits);
    for (const s of open) registry.release(s);
    expect(registry.size).toBe(0);
  });
});
