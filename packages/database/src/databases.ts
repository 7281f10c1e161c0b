import { Client } from 'pg';

const DUPLICATE_DATABASE = '42P04';

/** Creates the database a URL names when it does not exist yet, connecting to the same server's `postgres` database. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Refusing to create database with an unusual name: ${name}`);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } catch (error) {
        // Two processes may race to create it; the loser finds it made.
        if ((error as { code?: string }).code !== DUPLICATE_DATABASE) throw error;
      }
    }
  } finally {
    await client.end();
  }
}
