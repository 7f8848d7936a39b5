import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The communications subgraph: announcements, subscriptions (e-mail addresses and
 * webhooks) and the delivery log, which records each (subscription, item) once. The job
 * queue itself is pg-boss's, in its own schema `communications_jobs`, made by pg-boss.
 */
export class Initial1766100000000 implements MigrationInterface {
  name = 'Initial1766100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE communications.announcement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title jsonb NOT NULL CHECK (title ? 'fi'),
        body jsonb NOT NULL CHECK (body ? 'fi'),
        topic text NOT NULL CHECK (topic IN ('GENERAL','GRANTS','SPACES','EVENTS','SURVEYS')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','SCHEDULED','PUBLISHED','WITHDRAWN')),
        everyone boolean NOT NULL,
        service_area_ids uuid[] NOT NULL DEFAULT '{}',
        category_ids uuid[] NOT NULL DEFAULT '{}',
        municipality_codes text[] NOT NULL DEFAULT '{}',
        url text,
        link_kind text CHECK (link_kind IN ('EVENT','APPLICATION_ROUND','BOOKING_SEASON','SURVEY','GUIDE')),
        link_id text,
        publish_at timestamptz,
        published_at timestamptz,
        expires_at timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Finnish, Swedish and English words of title and body, for search.
        search tsvector GENERATED ALWAYS AS (
          to_tsvector('finnish', coalesce(title->>'fi', '') || ' ' || coalesce(body->>'fi', '')) ||
          to_tsvector('swedish', coalesce(title->>'sv', '') || ' ' || coalesce(body->>'sv', '')) ||
          to_tsvector('english', coalesce(title->>'en', '') || ' ' || coalesce(body->>'en', ''))
        ) STORED
      )`);
    // The public list: published, newest first (keyset), by topic.
    await db.query(
      `CREATE INDEX announcement_published_idx ON communications.announcement (published_at DESC, id DESC) WHERE status = 'PUBLISHED'`,
    );
    await db.query(
      `CREATE INDEX announcement_topic_idx ON communications.announcement (topic, published_at DESC)`,
    );
    await db.query(
      `CREATE INDEX announcement_search_idx ON communications.announcement USING gin (search)`,
    );
    await db.query(
      `CREATE INDEX announcement_audience_idx ON communications.announcement USING gin (service_area_ids, category_ids, municipality_codes)`,
    );
    await db.query(`
      CREATE TABLE communications.subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel text NOT NULL CHECK (channel IN ('EMAIL','WEBHOOK')),
        -- Erased (null) when the subscription ends: nothing of the person stays.
        address text,
        topics text[] NOT NULL,
        everyone boolean NOT NULL,
        service_area_ids uuid[] NOT NULL DEFAULT '{}',
        category_ids uuid[] NOT NULL DEFAULT '{}',
        municipality_codes text[] NOT NULL DEFAULT '{}',
        -- One text for "the same audience": the sorted lists, so equal audiences compare equal.
        audience_key text NOT NULL,
        language text NOT NULL CHECK (language IN ('fi','sv','en')),
        association_id uuid,
        confirm_token text UNIQUE,
        unsubscribe_token text UNIQUE,
        -- Standard Webhooks signing secret ("whsec_…"), webhooks only.
        secret text,
        created_by text,
        confirmed_at timestamptz,
        ended_at timestamptz,
        failing_since timestamptz,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One live subscription per address and audience: a second one merges into it.
    await db.query(
      `CREATE UNIQUE INDEX subscription_once_idx ON communications.subscription (channel, lower(address), audience_key) WHERE ended_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX subscription_topics_idx ON communications.subscription USING gin (topics) WHERE confirmed_at IS NOT NULL AND ended_at IS NULL`,
    );
    await db.query(`
      CREATE TABLE communications.delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL REFERENCES communications.subscription (id),
        kind text NOT NULL CHECK (kind IN ('CONFIRMATION','ANNOUNCEMENT','REMINDER')),
        -- The announcement's id, the reminder's "round:<id>:3", or the confirmation token.
        item_key text NOT NULL,
        announcement_id uuid REFERENCES communications.announcement (id),
        -- What a reminder is about, as it stood when the reminder was made.
        payload jsonb,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','SENT','FAILED','CANCELLED')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        -- Exactly once per subscription and item, whatever runs it how often.
        CONSTRAINT delivery_once UNIQUE (subscription_id, kind, item_key)
      )`);
    await db.query(
      `CREATE INDEX delivery_created_idx ON communications.delivery (created_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX delivery_status_idx ON communications.delivery (status, created_at DESC)`,
    );
    await db.query(
      `CREATE INDEX delivery_announcement_idx ON communications.delivery (announcement_id) WHERE announcement_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE communications.delivery`);
    await db.query(`DROP TABLE communications.subscription`);
    await db.query(`DROP TABLE communications.announcement`);
  }
}
