import { describe, expect, it } from 'vitest';
import { isPushServiceHost, PUSH_LIMITS, pushEndpointProblem, pushOutcome } from './push';

const strict = { allowLoopback: false };
const tests = { allowLoopback: true };

describe('pushEndpointProblem', () => {
  it.each([
    'https://fcm.googleapis.com/fcm/send/abc:APA91b',
    'https://updates.push.services.mozilla.com/wpush/v2/gAAAAA',
    'https://wns2-by3p.notify.windows.com/w/?token=BQYAAAD',
    'https://web.push.apple.com/QGuQyavXutnMKi',
    'https://android.googleapis.com/gcm/send/abc',
  ])('accepts the push service address %s', (endpoint) => {
    expect(pushEndpointProblem(endpoint, strict)).toBeNull();
  });

  it.each([
    ['plain http', 'http://fcm.googleapis.com/fcm/send/abc'],
    ['another host', 'https://example.org/push'],
    ['a look-alike host', 'https://fcm.googleapis.com.evil.example/x'],
    ['a host ending like a service without the dot', 'https://evilpush.apple.com/x'],
    ['an internal address', 'https://10.0.0.5/push'],
    ['another port', 'https://fcm.googleapis.com:8443/fcm/send/abc'],
    ['credentials', 'https://user:pw@fcm.googleapis.com/fcm/send/abc'],
    ['not a URL', 'fcm.googleapis.com/fcm/send/abc'],
    ['another scheme', 'ftp://fcm.googleapis.com/x'],
  ])('refuses %s', (_why, endpoint) => {
    expect(pushEndpointProblem(endpoint, strict)).toMatch(/cannot use/);
  });

  it('refuses an overlong address', () => {
    const endpoint = `https://fcm.googleapis.com/fcm/send/${'a'.repeat(PUSH_LIMITS.endpointLength)}`;
    expect(pushEndpointProblem(endpoint, strict)).not.toBeNull();
  });

  it('takes this machine only when loopback is allowed (tests)', () => {
    for (const endpoint of ['http://127.0.0.1:4567/push/1', 'http://localhost:80/p', 'http://[::1]:9/p']) {
      expect(pushEndpointProblem(endpoint, strict)).not.toBeNull();
      expect(pushEndpointProblem(endpoint, tests)).toBeNull();
    }
    expect(pushEndpointProblem('http://127.0.0.2/p', tests)).not.toBeNull();
    expect(pushEndpointProblem('http://192.168.1.4/p', tests)).not.toBeNull();
  });
});

describe('isPushServiceHost', () => {
  it('ignores case and needs a whole label before a suffix', () => {
    expect(isPushServiceHost('FCM.googleapis.com')).toBe(true);
    expect(isPushServiceHost('notify.windows.com')).toBe(false);
    expect(isPushServiceHost('x.notify.windows.com')).toBe(true);
  });
});

describe('pushOutcome', () => {
  it('reads a push service answer', () => {
    expect(pushOutcome(201)).toBe('sent');
    expect(pushOutcome(202)).toBe('sent');
    expect(pushOutcome(404)).toBe('gone');
    expect(pushOutcome(410)).toBe('gone');
    for (const status of [400, 401, 403, 413, 429, 500, 503]) expect(pushOutcome(status)).toBe('failed');
  });
});
