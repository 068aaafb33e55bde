/**
 * A local stand-in for a browser's push service (RFC 8030): an HTTP server on 127.0.0.1 that
 * records every message and answers 201, or another status chosen per subscription path.
 *
 *   const service = await startPushService();
 *   const endpoint = service.endpoint('alex-laptop');    // http://127.0.0.1:<port>/push/alex-laptop
 *   service.answer('alex-laptop', 410);                  // that subscription has ended
 *   service.received                                     // [{ path, headers, body }]
 *   await service.close();
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPush {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface PushService {
  origin: string;
  endpoint(name: string): string;
  answer(name: string, status: number): void;
  received: ReceivedPush[];
  close(): Promise<void>;
}

export async function startPushService(): Promise<PushService> {
  const received: ReceivedPush[] = [];
  const statuses = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      const name = path.replace(/^\/push\//, '');
      res.statusCode = statuses.get(name) ?? 201;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    endpoint: (name) => `${origin}/push/${name}`,
    answer: (name, status) => {
      statuses.set(name, status);
    },
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
