/**
 * Playwright globalSetup: starts the SMTP sink (every mail appended as one JSON line to
 * ATTUNE_E2E_MAILS_FILE, read by specs through tests/support/browser-env.ts) and a neutral page
 * server (the quick-exit destination, a page titled "Weather"). Ports come from playwright.config.ts.
 * Returns the teardown.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import { startSmtpSink } from './smtp-sink.js';

const NEUTRAL_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Weather</title></head>
<body><main><h1>Weather</h1><p>Sunny intervals, light winds. High 17°C, low 9°C.</p></main></body>
</html>
`;

function requiredPort(name: string): number {
  const port = Number(process.env[name]);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`${name} is not set: it comes from playwright.config.ts`);
  return port;
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const smtpPort = requiredPort('ATTUNE_E2E_SMTP_PORT');
  const neutralPort = requiredPort('ATTUNE_E2E_NEUTRAL_PORT');
  const mailsFile = process.env.ATTUNE_E2E_MAILS_FILE;
  if (!mailsFile) throw new Error('ATTUNE_E2E_MAILS_FILE is not set: it comes from playwright.config.ts');

  const sink = await startSmtpSink({ port: smtpPort, file: mailsFile });

  const neutral = createServer((req, res) => {
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : NEUTRAL_PAGE);
  });
  neutral.listen(neutralPort, '127.0.0.1');
  try {
    await once(neutral, 'listening');
  } catch (err) {
    await sink.close();
    throw new Error(`neutral page server could not listen on 127.0.0.1:${neutralPort}: ${(err as Error).message}`);
  }

  return async () => {
    neutral.closeAllConnections();
    await Promise.all([new Promise<void>((r) => neutral.close(() => r())), sink.close()]);
  };
}
