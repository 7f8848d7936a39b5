import type { QueryRunner } from 'typeorm';

/**
 * The ledger each subgraph that makes parts of event support requests keeps (issue 29,
 * item 3; core/support-ledger.ts): one row per part it answered, with what it made or why
 * it refused. Shared by the facilities and grants migrations SupportLedger1768300000000,
 * which have run: change what they do only by a new migration, never here.
 */
export async function createSupportLedger(db: QueryRunner, schema: string): Promise<void> {
  await db.query(`
    CREATE TABLE ${schema}.support_part_answer (
      part_id uuid PRIMARY KEY,
      target_id uuid,
      refusal text,
      answered_at timestamptz NOT NULL,
      CHECK ((target_id IS NULL) <> (refusal IS NULL))
    )`);
  await db.query(
    `CREATE UNIQUE INDEX support_part_answer_target_idx ON ${schema}.support_part_answer (target_id) WHERE target_id IS NOT NULL`,
  );
}

export async function dropSupportLedger(db: QueryRunner, schema: string): Promise<void> {
  await db.query(`DROP TABLE ${schema}.support_part_answer`);
}
