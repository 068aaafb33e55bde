import { render } from 'preact';
import { App } from './app';
import { loadConfig } from './lib/config';
import { startLiveUpdates } from './lib/live';
import { startOutbox } from './lib/outbox';
import { installQuickExitKeys } from './lib/quick-exit';
import { interceptLinks } from './lib/router';
import { loadMe } from './lib/session';
import './styles.css';

installQuickExitKeys();
interceptLinks();
void loadConfig();
void loadMe();
startLiveUpdates();
startOutbox();

const root = document.getElementById('app');
if (root) render(<App />, root);

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Offline start is a nicety; the app works without it.
    });
  });
}
