import { effect } from '@preact/signals';
import { render } from 'preact';
import { App } from './app';
import { loadConfig } from './lib/config';
import { startLiveUpdates } from './lib/live';
import { finishQuickExitSignOut, installQuickExitGuard, installQuickExitKeys, leftAgainAfterQuickExit } from './lib/quick-exit';
import { startRouter } from './lib/router';
import { loadMe, me, signedOut } from './lib/session';
import './styles.css';

// Back (or Forward) onto an Attune page after a quick exit in this tab: nothing starts, it leaves again.
if (!leftAgainAfterQuickExit()) {
  installQuickExitKeys();
  installQuickExitGuard();
  startRouter();
  void loadConfig();
  void finishQuickExitSignOut().then((mayAsk) => {
    if (mayAsk) void loadMe();
    else signedOut();
  });
  startLiveUpdates();
  // The offline outbox is for signed-in people: its code loads once someone is (and stays, for
  // their signing out). Screens that write through it import it themselves.
  effect(() => {
    if (me.value) void import('./lib/outbox').then((outbox) => outbox.startOutbox());
  });

  const root = document.getElementById('app');
  if (root) render(<App />, root);

  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    window.addEventListener('load', () => {
      navigator.serviceWorker.register('/sw.js').catch(() => {
        // Offline start is a nicety; the app works without it.
      });
    });
  }
}
