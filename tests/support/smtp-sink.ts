/**
 * A local SMTP sink for tests: accepts every message on 127.0.0.1 (no TLS, any or no AUTH),
 * parses it with mailparser and keeps it in memory, and optionally appends it as one JSON line to a
 * file (the browser tests run the sink in Playwright's globalSetup; specs read that file).
 *
 * The SMTP transaction is acknowledged only after the mail has been parsed, stored and written, so
 * once the sender's `sendMail()` has resolved the mail is already visible to `messages()`.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SinkAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  /** Base64 of the raw content. */
  contentBase64: string;
  /** The content decoded as UTF-8, for text/* attachments (e.g. text/calendar invites). */
  text?: string;
}

export interface SinkMail {
  /** Recipient addresses from the To header, joined with ", " (addresses only, no display names). */
  to: string;
  /** Every address the mail was delivered to (SMTP RCPT TO), including Bcc. */
  envelopeTo: string[];
  /** Sender address from the From header. */
  from: string;
  subject: string;
  text: string;
  html?: string;
  messageId?: string;
  /** ISO time the sink received the mail. */
  receivedAt: string;
  /** Lower-cased header names to their raw values (first occurrence). */
  headers: Record<string, string>;
  attachments: SinkAttachment[];
}

export interface SmtpSinkOptions {
  /** Port to listen on; 0 (default) picks a free port. */
  port?: number;
  /** Host to bind; default 127.0.0.1. */
  host?: string;
  /** When set, every mail is also appended to this file as one JSON line. The file is truncated at start. */
  file?: string;
}

export interface SmtpSink {
  port: number;
  /** smtp://127.0.0.1:<port> */
  url: string;
  /** All mails received so far, oldest first. */
  messages(): Promise<SinkMail[]>;
  /** Resolves with the first mail (already received or arriving later) that matches, or rejects after timeoutMs. */
  waitFor(predicate: (mail: SinkMail) => boolean, timeoutMs?: number): Promise<SinkMail>;
  /** Forget the mails received so far (the JSONL file, if any, is truncated too). */
  clear(): Promise<void>;
  close(): Promise<void>;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  if (!field) return [];
  const list = Array.isArray(field) ? field : [field];
  const out: string[] = [];
  const walk = (values: { address?: string | undefined; group?: unknown }[]) => {
    for (const v of values) {
      if (v.address) out.push(v.address);
      if (Array.isArray(v.group)) walk(v.group as { address?: string }[]);
    }
  };
  for (const obj of list) walk(obj.value);
  return out;
}

export function toSinkMail(parsed: ParsedMail, envelopeTo: string[]): SinkMail {
  const headers: Record<string, string> = {};
  for (const line of parsed.headerLines) {
    if (headers[line.key] !== undefined) continue;
    const colon = line.line.indexOf(':');
    headers[line.key] = (colon >= 0 ? line.line.slice(colon + 1) : line.line).trim();
  }
  const mail: SinkMail = {
    to: addresses(parsed.to).join(', '),
    envelopeTo,
    from: addresses(parsed.from).join(', '),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    receivedAt: new Date().toISOString(),
    headers,
    attachments: parsed.attachments.map((a) => {
      const att: SinkAttachment = {
        filename: a.filename ?? null,
        contentType: a.contentType,
        size: a.size,
        contentBase64: a.content.toString('base64'),
      };
      if (a.contentType.startsWith('text/')) att.text = a.content.toString('utf8');
      return att;
    }),
  };
  if (typeof parsed.html === 'string') mail.html = parsed.html;
  if (parsed.messageId) mail.messageId = parsed.messageId;
  return mail;
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const host = options.host ?? '127.0.0.1';
  const file = options.file;
  const mails: SinkMail[] = [];
  const waiters = new Set<() => void>();
  // Serialises appends so lines never interleave and keep arrival order.
  let writeChain: Promise<void> = Promise.resolve();

  if (file) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, '');
  }

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    banner: 'attune test sink',
    size: 25 * 1024 * 1024,
    // Pooled senders keep connections open; don't wait the default 30 s for them on close().
    closeTimeout: 500,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'test' });
    },
    onData(stream, session, callback) {
      const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
      simpleParser(stream)
        .then(async (parsed) => {
          const mail = toSinkMail(parsed, envelopeTo);
          mails.push(mail);
          if (file) {
            const line = `${JSON.stringify(mail)}\n`;
            writeChain = writeChain.then(() => appendFile(file, line));
            await writeChain;
          }
          for (const wake of waiters) wake();
          callback();
        })
        .catch((err: unknown) => {
          callback(err instanceof Error ? err : new Error(String(err)));
        });
    },
  });

  // smtp-server logs socket errors through 'error'; a test sink should not crash the process.
  server.on('error', (err) => {
    console.warn(`[smtp-sink] ${err.message}`);
  });

  const port = await new Promise<number>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.server.once('error', onError);
    server.listen(options.port ?? 0, host, () => {
      server.server.off('error', onError);
      const addr = server.server.address();
      if (addr && typeof addr === 'object') resolve(addr.port);
      else reject(new Error('smtp sink: could not read the listening port'));
    });
  });

  return {
    port,
    url: `smtp://${host}:${port}`,
    async messages() {
      return [...mails];
    },
    waitFor(predicate, timeoutMs = 5000) {
      return new Promise<SinkMail>((resolve, reject) => {
        const check = (): boolean => {
          const hit = mails.find(predicate);
          if (!hit) return false;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(hit);
          return true;
        };
        const wake = () => {
          check();
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          const seen = mails.map((m) => `  to=${m.to} subject=${JSON.stringify(m.subject)}`).join('\n');
          reject(
            new Error(
              `smtp sink: no matching mail within ${timeoutMs} ms; received ${mails.length}:${seen ? `\n${seen}` : ' none'}`,
            ),
          );
        }, timeoutMs);
        waiters.add(wake);
        check();
      });
    },
    async clear() {
      mails.length = 0;
      if (file) {
        writeChain = writeChain.then(() => writeFile(file, ''));
        await writeChain;
      }
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
    },
  };
}
