import { openDataSource } from '@federess/database';

/** A marker in a rencontre's title that makes its transaction fail at COMMIT (see `refuseAtCommit`). */
export const REFUSED_AT_COMMIT = '[refusé au commit]';

/**
 * Makes every transaction that writes an outbox event for a rencontre titled with the marker fail at
 * COMMIT, after the change and its event were written: a real rollback of both, which must announce
 * nothing. The trigger is deferred, so it runs at COMMIT and sees the rencontre as the change left it.
 * Returns a query function on that database, and `restore`, which removes the trigger and closes the connection.
 */
export async function refuseAtCommit(
  databaseUrl: string,
): Promise<{ query: <T>(sql: string) => Promise<T[]>; restore: () => Promise<void> }> {
  const db = await openDataSource({ url: databaseUrl, entities: [], migrations: [] });
  await db.query(`
    CREATE OR REPLACE FUNCTION test_refuser_au_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM rencontre WHERE id::text = NEW.entite_id AND position('${REFUSED_AT_COMMIT}' in titre) > 0) THEN
        RAISE EXCEPTION 'changement refusé au commit (test)';
      END IF;
      RETURN NULL;
    END $$`);
  await db.query(`CREATE CONSTRAINT TRIGGER test_refus_au_commit AFTER INSERT ON evenement DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION test_refuser_au_commit()`);
  return {
    query: <T>(sql: string) => db.query<T[]>(sql),
    restore: async () => {
      await db.query('DROP TRIGGER test_refus_au_commit ON evenement');
      await db.query('DROP FUNCTION test_refuser_au_commit()');
      await db.destroy();
    },
  };
}
