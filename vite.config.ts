import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { endpointTable } from './src/contracts';

/** Writes precache.json: the files the service worker (web/public/sw.js) keeps for offline start. */
function precacheList(): Plugin {
  return {
    name: 'attune-precache-list',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => /\.(js|css|svg|png|webmanifest)$/.test(f))
        .map((f) => `/${f}`)
        .sort();
      this.emitFile({ type: 'asset', fileName: 'precache.json', source: `${JSON.stringify(files, null, 1)}\n` });
    },
  };
}

// The browser front end lives in web/; the server serves the build from dist/web.
export default defineConfig({
  root: 'web',
  plugins: [preact(), precacheList()],
  // The typed client (web/src/api/client.ts) takes its types from the route contracts at compile
  // time and only each route's method and path at run time: read here, so no schema ships.
  define: { __ATTUNE_ENDPOINTS__: JSON.stringify(endpointTable()) },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/healthz': 'http://localhost:3000',
    },
  },
});
