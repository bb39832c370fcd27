import { pino, type Logger } from 'pino';

/**
 * Structured logs: JSON lines on stderr, a constant message and a data object, e.g.
 * `log.warn({ document, reason }, 'document rejected')`.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } }, pino.destination({ fd: 2, sync: true }));
}

export type { Logger };
