/**
 * The nginx configuration for several Attune processes, as docs/DEPLOYMENT.md shows it and as the
 * three-process test (tests/support/nginx-cluster.ts) runs it: an upstream of Attune processes (round
 * robin, nginx's default) and a server that passes live streams through unbuffered and kept open.
 * tests/unit/nginx-config.test.ts checks the guide shows exactly this text.
 */
export interface SiteOptions {
  /** host:port of each Attune process. */
  upstreams: readonly string[];
  /** What follows `listen` (the test: 127.0.0.1:<port>; the guide: 443 ssl http2). */
  listen: string;
  /** Lines added inside the server block, after `listen` (the guide: TLS; the test: a header naming the upstream). */
  extra?: readonly string[];
}

export function nginxSiteConfig(options: SiteOptions): string {
  const servers = options.upstreams.map((u) => `    server ${u};`).join('\n');
  const extra = (options.extra ?? []).map((line) => `    ${line}\n`).join('');
  return `upstream attune {
${servers}
    keepalive 16;
}

server {
    listen ${options.listen};
${extra}    client_max_body_size 80k;              # Attune refuses bodies over 64 KB itself

    location /api/v1/events {              # live updates: server-sent events, kept open
        proxy_pass http://attune;
        proxy_http_version 1.1;
        proxy_set_header Connection '';
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_buffering off;
        proxy_cache off;
        proxy_read_timeout 1h;
    }

    location / {
        proxy_pass http://attune;
        proxy_http_version 1.1;
        proxy_set_header Connection '';
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
    }
}
`;
}

/** The configuration the guide shows: three processes on one machine, TLS at nginx. */
export const GUIDE_SITE = nginxSiteConfig({
  upstreams: ['127.0.0.1:3001', '127.0.0.1:3002', '127.0.0.1:3003'],
  listen: '443 ssl http2',
  extra: [
    'server_name attune.example.org;',
    'ssl_certificate     /etc/letsencrypt/live/attune.example.org/fullchain.pem;',
    'ssl_certificate_key /etc/letsencrypt/live/attune.example.org/privkey.pem;',
  ],
});
