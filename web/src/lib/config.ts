import { signal } from '@preact/signals';
import { api, type ClientConfig } from '../api/client';

/** Used if the server cannot be reached: a neutral page that draws no attention. */
export const FALLBACK_QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather';

export const config = signal<ClientConfig>({ quickExitUrl: FALLBACK_QUICK_EXIT_URL, emailEnabled: true });

export async function loadConfig(): Promise<void> {
  try {
    const c = await api('config.get');
    config.value = {
      quickExitUrl: /^https?:\/\//.test(c.quickExitUrl) ? c.quickExitUrl : FALLBACK_QUICK_EXIT_URL,
      emailEnabled: c.emailEnabled,
    };
  } catch {
    // Keep the fallback: quick exit must work even when the server does not answer.
  }
}
