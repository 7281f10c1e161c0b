import { logOf } from '@federess/observability';
import type { Logger } from 'typeorm';

const log = logOf('sql');

/** A statement's text in the log: enough to recognise it. */
const STATEMENT_CHARACTERS = 300;

/**
 * The TypeORM logger of every data source (unless a test gives its own): a failed statement is
 * logged by its SQLSTATE and its text, never with its parameters (TypeORM's own loggers print them:
 * the names and e-mails of a registration would land in the log) nor with the driver's message or
 * detail, which quote the faulty value. The error reaches the caller unchanged.
 */
export class SqlErrorLogger implements Logger {
  logQueryError(error: string | Error, query: string): void {
    const state = typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
    log.error('statement failed', {
      sqlstate: typeof state === 'string' ? state : 'none',
      statement: query.replace(/\s+/g, ' ').slice(0, STATEMENT_CHARACTERS),
    });
  }

  logQuery(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    // TypeORM's own warnings (never about a statement's values) stay visible.
    if (level === 'warn') log.warn(String(message));
  }
}
