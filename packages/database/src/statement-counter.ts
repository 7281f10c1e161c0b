import type { Logger } from 'typeorm';

/**
 * A TypeORM logger that counts the SQL statements sent, so tests can prove that a query's
 * statement count depends on its depth, not on the number of rows (DataLoader batching).
 */
export class StatementCounter implements Logger {
  private statements = 0;

  get count(): number {
    return this.statements;
  }

  reset(): void {
    this.statements = 0;
  }

  logQuery(): void {
    this.statements += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    console.error('SQL error:', error instanceof Error ? error.message : error, '\n', query);
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
