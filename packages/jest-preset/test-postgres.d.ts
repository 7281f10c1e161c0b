/** The URL of database `name` on the test run's throwaway Postgres. */
export function testDatabaseUrl(name: string): string;

/** The run's directory for the output of the services tests start (one file per service process). */
export function testLogDirectory(): string;
