import pino from 'pino';

/** Field paths pino censors wherever they appear, so that tokens and passwords never reach a log. */
export const REDACTED_PATHS = [
  'token',
  'accessToken',
  'refreshToken',
  'password',
  'secret',
  'clientSecret',
  'authorization',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.password',
  '*.secret',
  '*.clientSecret',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/**
 * JSON logs on stderr: stdout is kept for the start-up lines that scripts read.
 * `destination` lets tests capture the output.
 */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): pino.Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'utb' } }, destination);
}
