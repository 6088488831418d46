import pino from 'pino';

// Structured JSON logs. API keys never reach a log line: the redaction covers the header and
// any field named like a secret.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  redact: { paths: ['authorization', 'headers.authorization', '*.secret', '*.key', 'key', 'secret'], censor: '[redacted]' },
  base: undefined,
});
