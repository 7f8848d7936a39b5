import type { QueryRunner } from 'typeorm';

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
