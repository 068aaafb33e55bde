import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GUIDE_SITE, nginxSiteConfig } from '../support/nginx-config.js';

// The nginx configuration docs/DEPLOYMENT.md shows for several processes is the one the three-process
// test runs (tests/integration/nginx-cluster.pg.test.ts, through tests/support/nginx-config.ts): the
// guide cannot drift from what is tested.

describe('the nginx configuration of the deployment guide', () => {
  it('is shown by the guide exactly as the three-process test runs it', () => {
    const guide = readFileSync('docs/DEPLOYMENT.md', 'utf8');
    expect(guide).toContain(`\`\`\`nginx\n${GUIDE_SITE}\`\`\``);
  });

  it('passes live streams unbuffered, kept open, over HTTP/1.1 with the client address appended', () => {
    const site = nginxSiteConfig({ upstreams: ['127.0.0.1:1'], listen: '80' });
    const events = site.slice(site.indexOf('location /api/v1/events'), site.indexOf('location / {'));
    for (const line of [
      'proxy_buffering off;',
      'proxy_http_version 1.1;',
      "proxy_set_header Connection '';",
      'proxy_read_timeout 1h;',
      'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    ]) {
      expect(events).toContain(line);
    }
  });
});
