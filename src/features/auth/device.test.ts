import { describe, expect, it } from 'vitest';
import { describeDevice } from './device';

const UA = {
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.122 Mobile Safari/537.36',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  safariIpad:
    'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0',
  firefoxAndroid: 'Mozilla/5.0 (Android 14; Mobile; rv:127.0) Gecko/127.0 Firefox/127.0',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  chromeMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87',
  operaWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
  curl: 'curl/8.5.0',
};

describe('describeDevice', () => {
  it.each([
    ['Chrome on Android', UA.chromeAndroid],
    ['Safari on iOS', UA.safariIphone],
    ['Safari on iOS', UA.safariIpad],
    ['Firefox on Windows', UA.firefoxWindows],
    ['Firefox on Android', UA.firefoxAndroid],
    ['Safari on macOS', UA.safariMac],
    ['Chrome on macOS', UA.chromeMac],
    ['Edge on Windows', UA.edgeWindows],
    ['Opera on Windows', UA.operaWindows],
    ['Firefox on Linux', UA.firefoxLinux],
  ])('labels %s', (label, ua) => {
    expect(describeDevice(ua)).toBe(label);
  });

  it('says Unknown device for a missing, empty or unrecognised User-Agent', () => {
    expect(describeDevice(undefined)).toBe('Unknown device');
    expect(describeDevice('')).toBe('Unknown device');
    expect(describeDevice(UA.curl)).toBe('Unknown device');
  });

  it('gives the browser or the system alone when only one is known', () => {
    expect(describeDevice('Firefox/127.0')).toBe('Firefox');
    expect(describeDevice('Something (Windows NT 10.0)')).toBe('Windows');
  });

  it('only looks at the first 512 characters of a very long header', () => {
    expect(describeDevice(`${'x'.repeat(600)} Firefox/127.0 (Windows)`)).toBe('Unknown device');
    expect(describeDevice(`Firefox/127.0 (Windows) ${'x'.repeat(100_000)}`)).toBe('Firefox on Windows');
  });
});
