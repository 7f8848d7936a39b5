import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cooperation subgraph: surveys with their questions and answers, indicators with
 * their series of values, working groups with members and plans, and the handbook's
 * guides with every version kept. References into other subgraphs (service areas,
 * associations) are plain UUID columns, never cross-schema keys.
 */
export class Initial1766000000000 implements MigrationInterface {
  name = 'Initial1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE cooperation.survey (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title jsonb NOT NULL CHECK (title ? 'fi'),
        description jsonb,
        audience text NOT NULL CHECK (audience IN ('ASSOCIATIONS','CITY_STAFF')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','OPEN','CLOSED')),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        anonymous boolean NOT NULL,
        service_area_ids uuid[] NOT NULL DEFAULT '{}',
        -- Mixed into an anonymous respondent's key, so the key names no one by itself.
        salt text NOT NULL,
        -- iCalendar SEQUENCE of the closing day in calendar feeds: grows with every change.
        sequence int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT survey_closes_after_opening CHECK (closes_at > opens_at)
      )`);
    // The list's keyset order (newest window first) and the calendar's overlap test.
    await db.query(`CREATE INDEX survey_opens_idx ON cooperation.survey (opens_at DESC, id DESC)`);
    await db.query(`CREATE INDEX survey_window_idx ON cooperation.survey (closes_at, opens_at)`);
    await db.query(
      `CREATE INDEX survey_service_areas_idx ON cooperation.survey USING gin (service_area_ids)`,
    );
    await db.query(`
      CREATE TABLE cooperation.survey_question (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES cooperation.survey (id) ON DELETE CASCADE,
        position int NOT NULL,
        text jsonb NOT NULL CHECK (text ? 'fi'),
        kind text NOT NULL CHECK (kind IN ('LIKERT_5','RATING','SINGLE_CHOICE','MULTIPLE_CHOICE','TEXT')),
        options jsonb NOT NULL DEFAULT '[]',
        required boolean NOT NULL,
        UNIQUE (survey_id, position)
      )`);
    await db.query(`
      CREATE TABLE cooperation.survey_response (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES cooperation.survey (id),
        -- "association:<id>" or "staff:<subject>", hashed with the survey's salt when the
        -- survey is anonymous; unique, so one association (or person) answers once.
        respondent_key text NOT NULL,
        -- Kept only for surveys that are not anonymous.
        association_id uuid,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT survey_response_once UNIQUE (survey_id, respondent_key)
      )`);
    await db.query(`
      CREATE TABLE cooperation.survey_answer (
        response_id uuid NOT NULL REFERENCES cooperation.survey_response (id) ON DELETE CASCADE,
        question_id uuid NOT NULL REFERENCES cooperation.survey_question (id),
        choice int,
        choices int[],
        text text,
        PRIMARY KEY (response_id, question_id)
      )`);
    await db.query(
      `CREATE INDEX survey_answer_question_idx ON cooperation.survey_answer (question_id)`,
    );

    await db.query(`
      CREATE TABLE cooperation.indicator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name jsonb NOT NULL CHECK (name ? 'fi'),
        description jsonb,
        kind text NOT NULL CHECK (kind IN ('RESULT','IMPACT')),
        theme text,
        survey_question_id uuid REFERENCES cooperation.survey_question (id),
        option_indexes int[],
        metric text,
        position int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT indicator_one_source CHECK (survey_question_id IS NULL OR metric IS NULL)
      )`);
    await db.query(`CREATE INDEX indicator_kind_idx ON cooperation.indicator (kind, position, id)`);
    await db.query(`
      CREATE TABLE cooperation.indicator_value (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_id uuid NOT NULL REFERENCES cooperation.indicator (id),
        period text NOT NULL,
        -- Exact, at the scale it was computed with: "0.6000" for a share, "12" for a count.
        value numeric,
        label jsonb,
        source jsonb,
        survey_id uuid REFERENCES cooperation.survey (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT indicator_value_once UNIQUE (indicator_id, period),
        CONSTRAINT indicator_value_given CHECK (value IS NOT NULL OR label IS NOT NULL)
      )`);

    await db.query(`
      CREATE TABLE cooperation.working_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name jsonb NOT NULL CHECK (name ? 'fi'),
        description jsonb,
        theme text NOT NULL CHECK (theme IN ('SPACES','GRANTS','EVENTS','COMMUNICATION','OTHER')),
        service_area_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE cooperation.working_group_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES cooperation.working_group (id) ON DELETE CASCADE,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('CHAIR','VICE_CHAIR','SECRETARY','MEMBER')),
        association_id uuid,
        email text,
        phone text,
        is_public boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX working_group_member_group_idx ON cooperation.working_group_member (working_group_id, created_at, id)`,
    );
    await db.query(`
      CREATE TABLE cooperation.plan_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES cooperation.working_group (id) ON DELETE CASCADE,
        stage text NOT NULL CHECK (stage IN ('CURRENT_STATE','GOAL','CHANGE','ACTION')),
        text jsonb NOT NULL CHECK (text ? 'fi'),
        responsible text,
        due_on date,
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED','IN_PROGRESS','DONE')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX plan_item_group_idx ON cooperation.plan_item (working_group_id, created_at, id)`,
    );

    await db.query(`
      CREATE TABLE cooperation.guide (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('GUIDE','RULES','ROLE_CARD','CHECKLIST')),
        audience text NOT NULL CHECK (audience IN ('EVERYONE','ASSOCIATIONS','CITY_STAFF')),
        title jsonb NOT NULL CHECK (title ? 'fi'),
        body jsonb NOT NULL CHECK (body ? 'fi'),
        position int NOT NULL DEFAULT 0,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX guide_kind_idx ON cooperation.guide (kind, position, slug)`);
    // Every version a guide had, the current one included: nothing written is lost.
    await db.query(`
      CREATE TABLE cooperation.guide_version (
        guide_id uuid NOT NULL REFERENCES cooperation.guide (id) ON DELETE CASCADE,
        version int NOT NULL,
        title jsonb NOT NULL,
        body jsonb NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (guide_id, version)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'guide_version',
      'guide',
      'plan_item',
      'working_group_member',
      'working_group',
      'indicator_value',
      'indicator',
      'survey_answer',
      'survey_response',
      'survey_question',
      'survey',
    ]) {
      await db.query(`DROP TABLE cooperation.${table}`);
    }
  }
}
