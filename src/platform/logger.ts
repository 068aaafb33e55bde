import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured logs. Handlers log ids and route names, never bodies; redaction is the second line of
 * defence in case a header or field slips into a log call.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'password',
          '*.password',
          'token',
          '*.token',
          'cookie',
          '*.cookie',
          'headers.cookie',
          'headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          'body',
          '*.body',
          'text',
          '*.text',
          'name',
          '*.name',
          'email',
          '*.email',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
