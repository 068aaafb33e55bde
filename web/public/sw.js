// Attune's service worker: keeps the app shell and static files for an offline start.
// It never touches /api/ or /healthz: those requests go to the network exactly as the page made them.
const CACHE = 'attune-shell-v1';
const SHELL = ['/', '/index.html', '/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png'];

function isBypassed(url) {
  return url.origin !== self.location.origin || url.pathname.startsWith('/api/') || url.pathname === '/healthz';
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      let files = [];
      try {
        // Written by the build (vite.config.ts): every emitted JS, CSS and static file.
        const res = await fetch('/precache.json', { cache: 'no-store' });
        if (res.ok) files = await res.json();
      } catch {
        // Without the list, the shell alone is cached and the rest is cached as it is used.
      }
      await cache.addAll([...new Set([...SHELL, ...files])]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (isBypassed(url)) return; // not intercepted, not cached

  if (request.mode === 'navigate') {
    // Pages: the network first so updates arrive, the cached shell when offline.
    event.respondWith(
      (async () => {
        try {
          const fresh = await fetch(request);
          if (fresh.ok && (fresh.headers.get('content-type') || '').includes('text/html')) {
            const cache = await caches.open(CACHE);
            await cache.put('/index.html', fresh.clone());
          }
          return fresh;
        } catch {
          return (await caches.match('/index.html')) || Response.error();
        }
      })(),
    );
    return;
  }

  // Static files: hashed assets never change, so the cache first, then the network.
  event.respondWith(
    (async () => {
      const cached = await caches.match(request);
      if (cached) return cached;
      const fresh = await fetch(request);
      if (fresh.ok && (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/icons/'))) {
        const cache = await caches.open(CACHE);
        await cache.put(request, fresh.clone());
      }
      return fresh;
    })(),
  );
});

// Web push. A notification always shows these fixed, neutral words, whatever a message carries:
// nothing a person wrote can reach a lock screen, even by mistake. They are a copy of NEUTRAL_PUSH in
// src/domain/notification-words.ts (tests/integration/push.test.ts checks the two match). From a
// message only the path to open is taken, and only a path inside Attune. One tag: a new update
// replaces the one already shown.
const NEUTRAL_PUSH = { title: 'Attune', body: 'You have a new update in Attune', url: '/notifications' };

function pushPath(event) {
  try {
    const url = event.data ? event.data.json().url : null;
    if (typeof url === 'string' && /^\/(?!\/)[^\\]*$/.test(url)) return url;
  } catch {
    // No readable message: the notification centre.
  }
  return NEUTRAL_PUSH.url;
}

self.addEventListener('push', (event) => {
  event.waitUntil(
    self.registration.showNotification(NEUTRAL_PUSH.title, {
      body: NEUTRAL_PUSH.body,
      tag: 'attune-update',
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: { url: pushPath(event) },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const path = event.notification.data?.url || NEUTRAL_PUSH.url;
  const target = new URL(path, self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      for (const client of windows) {
        if (new URL(client.url).origin !== self.location.origin) continue;
        await client.focus();
        try {
          if (new URL(client.url).pathname !== path) await client.navigate(target);
        } catch {
          // An uncontrolled window cannot be navigated from here; it is focused, which is enough.
        }
        return;
      }
      await self.clients.openWindow(target);
    })(),
  );
});
