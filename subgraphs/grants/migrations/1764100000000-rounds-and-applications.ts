import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Application rounds, applications with their money lines and status history, and what
 * statistics and open data need. Money is numeric(14,2) everywhere, budget lines included
 * (they are rows, not JSON, so sums stay exact in SQL). Additive only.
 */
export class RoundsAndApplications1764100000000 implements MigrationInterface {
  name = 'RoundsAndApplications1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE grants.grant_program
        ADD COLUMN summary jsonb,
        ADD COLUMN eligibility jsonb,
        ADD COLUMN yearly_budget numeric(14,2) CHECK (yearly_budget >= 0)`);

    await db.query(`
      CREATE TABLE grants.application_round (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES grants.grant_program (id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        name jsonb,
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL CHECK (closes_at > opens_at),
        continuous boolean NOT NULL DEFAULT false,
        decision_expected_at timestamptz,
        budget numeric(14,2) CHECK (budget >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX application_round_program_idx ON grants.application_round (program_id, year)`,
    );
    await db.query(
      `CREATE INDEX application_round_year_idx ON grants.application_round (year, program_id)`,
    );
    await db.query(
      `CREATE INDEX application_round_window_idx ON grants.application_round (opens_at, closes_at)`,
    );

    await db.query(`
      CREATE TABLE grants.grant_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES grants.application_round (id),
        -- A reference into the associations subgraph: a plain id, no cross-schema key.
        association_id uuid NOT NULL,
        created_by text NOT NULL,
        title text NOT NULL,
        purpose text,
        requested_amount numeric(14,2) NOT NULL CHECK (requested_amount > 0),
        attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN
          ('DRAFT','SUBMITTED','IN_REVIEW','APPROVED','PARTIALLY_APPROVED','REJECTED','WITHDRAWN','PAID','REPORTED')),
        awarded_amount numeric(14,2) CHECK (awarded_amount >= 0),
        -- Kept apart from status: a grant that is PAID was APPROVED or PARTIALLY_APPROVED.
        decision_outcome text CHECK (decision_outcome IN ('APPROVED','PARTIALLY_APPROVED','REJECTED')),
        decided_at timestamptz,
        decision_body text,
        decision_note text,
        submitted_at timestamptz,
        paid_at timestamptz,
        usage_report text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (awarded_amount IS NULL OR awarded_amount <= requested_amount)
      )`);
    // Statistics read every column they need from this index (index-only scans).
    await db.query(`
      CREATE INDEX grant_application_stats_idx ON grants.grant_application (round_id, status)
        INCLUDE (association_id, requested_amount, awarded_amount)`);
    await db.query(
      `CREATE INDEX grant_application_association_idx ON grants.grant_application (association_id, created_at)`,
    );
    await db.query(
      `CREATE INDEX grant_application_awarded_idx ON grants.grant_application (decided_at DESC, id)
         WHERE status IN ('APPROVED','PARTIALLY_APPROVED','PAID','REPORTED')`,
    );
    await db.query(
      `CREATE INDEX grant_application_status_idx ON grants.grant_application (status, created_at)`,
    );

    await db.query(`
      CREATE TABLE grants.grant_application_line (
        application_id uuid NOT NULL REFERENCES grants.grant_application (id) ON DELETE CASCADE,
        position int NOT NULL,
        kind text NOT NULL CHECK (kind IN ('INCOME','COST','OTHER_FUNDING')),
        label text NOT NULL,
        amount numeric(14,2) NOT NULL CHECK (amount >= 0),
        PRIMARY KEY (application_id, position)
      )`);

    await db.query(`
      CREATE TABLE grants.grant_application_history (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES grants.grant_application (id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        actor text NOT NULL,
        actor_role text NOT NULL,
        note text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX grant_application_history_idx ON grants.grant_application_history (application_id, id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE grants.grant_application_history`);
    await db.query(`DROP TABLE grants.grant_application_line`);
    await db.query(`DROP TABLE grants.grant_application`);
    await db.query(`DROP TABLE grants.application_round`);
    await db.query(
      `ALTER TABLE grants.grant_program DROP COLUMN summary, DROP COLUMN eligibility, DROP COLUMN yearly_budget`,
    );
  }
}
