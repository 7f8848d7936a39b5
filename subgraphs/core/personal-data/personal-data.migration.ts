import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The log of requests for a person's data each subgraph keeps (core/personal-data): one
 * row per request, written before it is answered. Shared by the six subgraphs' migrations
 * PersonalData1769100000000, which have run: change what they do only by a new migration.
 */
export async function createPersonalDataLog(db: QueryRunner, schema: string): Promise<void> {
  await db.query(`
    CREATE TABLE ${schema}.personal_data_request (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      at timestamptz NOT NULL,
      action text NOT NULL CHECK (action IN ('EXPORT', 'ERASE_DRY_RUN', 'ERASE')),
      subject text NOT NULL,
      email_count int NOT NULL,
      caller_subject text,
      caller_role text NOT NULL,
      data_protection boolean NOT NULL,
      records int NOT NULL,
      erasable int NOT NULL
    )`);
  await db.query(
    `CREATE INDEX personal_data_request_at_idx ON ${schema}.personal_data_request (at DESC, id DESC)`,
  );
  await db.query(
    `CREATE INDEX personal_data_request_subject_idx ON ${schema}.personal_data_request (subject, at DESC)`,
  );
}

export async function dropPersonalDataLog(db: QueryRunner, schema: string): Promise<void> {
  await db.query(`DROP TABLE ${schema}.personal_data_request`);
}

/**
 * The migration each subgraph adds for personal data (PersonalData1769100000000): the log,
 * the indexes that find a person's records (name → `table (columns) [WHERE …]`), and what
 * else one subgraph needs (`more`). One definition, six uses.
 */
export function personalDataMigration(
  schema: string,
  indexes: Readonly<Record<string, string>>,
  more: {
    up?: (db: QueryRunner) => Promise<void>;
    down?: (db: QueryRunner) => Promise<void>;
  } = {},
): new () => MigrationInterface {
  return class PersonalData1769100000000 implements MigrationInterface {
    name = 'PersonalData1769100000000';

    async up(db: QueryRunner): Promise<void> {
      await createPersonalDataLog(db, schema);
      for (const [name, definition] of Object.entries(indexes)) {
        await db.query(`CREATE INDEX ${name} ON ${schema}.${definition}`);
      }
      await more.up?.(db);
    }

    async down(db: QueryRunner): Promise<void> {
      await more.down?.(db);
      for (const name of Object.keys(indexes).reverse()) {
        await db.query(`DROP INDEX ${schema}.${name}`);
      }
      await dropPersonalDataLog(db, schema);
    }
  };
}
