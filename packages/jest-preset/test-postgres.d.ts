/** The URL of database `name` on the test run's throwaway Postgres. */
export function testDatabaseUrl(name: string): string;
