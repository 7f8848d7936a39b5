import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { DEMO_SEEDS } from '../demo/seed';
import {
  AssociationSearchIndexer,
  SEARCH_TRIGGERS,
} from '../subgraphs/associations/association/association-search.indexer';
import { createSubgraphs } from '../subgraphs/all';
import { connect, migrate, runSeedOnce } from '../subgraphs/core/database';
import { finnishAnalyzer } from '../subgraphs/core/finnish/finnish-terms';
import { subgraphDataSource } from '../subgraphs/core/subgraph';
import { loadCliConfig } from './cli.config';
import { runCommand } from './cli';
import { progressBar } from './progress';
import type { Progress } from '../subgraphs/core/progress';
import { copyRows } from './scale/copy-rows';
import { type ScaleReferences, scaleTables } from './scale/scale-data';

const USAGE = `usage: npm run seed:scale -- --associations N [--seed S] [--today YYYY-MM-DD]

Fills the database at DATABASE_URL with generated data for every subgraph around N
associations (categories, service areas, contacts, activities; facilities, spaces, opening
hours, reservations; grant applications and their budget lines; events, organizers,
enrolments; survey answers, working group members; subscriptions), on top of the demo
data, which it writes first if it is missing. Migrations are applied first. The same seed
and day give the same data. Loaded with COPY in one transaction: all or nothing.
A database takes generated data once: use a new database for another size.`;

/** Where the generated data says it was written (the demo seeds' history table). */
const MARK = 'scale';

async function references(pool: Pool, today: Date): Promise<ScaleReferences> {
  const rounds = await pool.query<{ id: string; year: number; open: boolean }>(
    `SELECT id, year, closes_at > $1 AS open FROM grants.application_round ORDER BY year, id`,
    [today],
  );
  const surveys = await pool.query<{ id: string; salt: string; anonymous: boolean }>(
    `SELECT id, salt, anonymous FROM cooperation.survey
      WHERE audience = 'ASSOCIATIONS' AND status <> 'DRAFT' ORDER BY id`,
  );
  const questions = await pool.query<{ survey_id: string; id: string; options: number }>(
    `SELECT survey_id, id, CASE kind WHEN 'LIKERT_5' THEN 5 ELSE jsonb_array_length(options) END AS options
       FROM cooperation.survey_question
      WHERE kind IN ('LIKERT_5', 'SINGLE_CHOICE') ORDER BY survey_id, position`,
  );
  const groups = await pool.query<{ id: string }>(
    'SELECT id FROM cooperation.working_group ORDER BY id',
  );
  return {
    rounds: rounds.rows,
    surveys: surveys.rows.map((s) => ({
      ...s,
      questions: questions.rows.filter((q) => q.survey_id === s.id && q.options > 0),
    })),
    workingGroups: groups.rows.map((g) => g.id),
  };
}

export interface SeedScaleOptions {
  databaseUrl: string;
  associations: number;
  seed: string;
  today: Date;
  log: (line: string) => void;
  /** Progress of each table and of indexing; a bar on stderr by default. */
  progress?: (label: string) => Progress;
}

/** Migrations, demo data, then the generated data; returns rows written per table. */
export async function seedScale(options: SeedScaleOptions): Promise<Record<string, number>> {
  const { log } = options;
  const progress = options.progress ?? progressBar;
  const sources: DataSource[] = [];
  let associations: DataSource | undefined;
  try {
    for (const definition of createSubgraphs()) {
      const ds = await connect(subgraphDataSource(definition, options.databaseUrl, 2));
      sources.push(ds);
      if (definition.name === 'associations') associations = ds;
      await migrate(ds);
      for (const seed of DEMO_SEEDS.filter((s) => s.subgraph === definition.name)) {
        if (await runSeedOnce(ds, seed.name, (db) => seed.run(db, options.today)))
          log(`${definition.name}: wrote demo data ${seed.name}`);
      }
    }
    const pool = new Pool({ connectionString: options.databaseUrl, max: 1 });
    const written: Record<string, number> = {};
    try {
      const tables = scaleTables({
        associations: options.associations,
        seed: options.seed,
        today: options.today,
        references: await references(pool, options.today),
      });
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const marked = await client.query(
          `INSERT INTO associations.seed_history (name) VALUES ($1) ON CONFLICT DO NOTHING RETURNING name`,
          [MARK],
        );
        if (marked.rowCount === 0) {
          throw new Error(
            'This database already holds generated data (seed:scale ran on it before). Use a new database for another size or seed.',
          );
        }
        // New rows are stale for search already (search_terms_by is NULL); the triggers that
        // mark an association stale and notify the indexer would do it again per row, which
        // made a 100,000 load take a quarter of an hour. Off inside this transaction only,
        // and one notification at the end instead.
        for (const [table, trigger] of SEARCH_TRIGGERS) {
          await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
        }
        for (const table of tables) {
          written[table.table] = await copyRows(client, table, progress(table.table));
        }
        for (const [table, trigger] of SEARCH_TRIGGERS) {
          await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
        }
        await client.query(`SELECT pg_notify('association_search_stale', '')`);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
      // Search terms as the associations subgraph would build them at start, with progress.
      const indexer = new AssociationSearchIndexer(associations!, finnishAnalyzer());
      const bar = progress('search terms');
      const stale = await pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM associations.association WHERE search_terms_by IS NULL',
      );
      let indexed = 0;
      bar(0, stale.rows[0].n);
      for (let n = await indexer.indexBatch(1_000); n > 0; n = await indexer.indexBatch(1_000)) {
        indexed += n;
        bar(Math.min(indexed, stale.rows[0].n), stale.rows[0].n);
      }
      // VACUUM too: a bulk load leaves the visibility map unset, and counts would read the
      // whole table instead of an index until autovacuum came by.
      log('vacuuming and analyzing tables');
      await pool.query('VACUUM ANALYZE');
    } finally {
      await pool.end();
    }
    return written;
  } finally {
    for (const ds of sources) await ds.destroy();
  }
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      associations: { type: 'string' },
      seed: { type: 'string', default: 'hub' },
      today: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const associations = Number(values.associations);
  if (!Number.isInteger(associations) || associations < 1 || associations > 5_000_000) {
    process.stderr.write(`--associations must be a whole number from 1 to 5000000\n${USAGE}\n`);
    return 2;
  }
  const today = values.today ? new Date(`${values.today}T00:00:00Z`) : new Date();
  if (
    Number.isNaN(today.getTime()) ||
    (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today))
  ) {
    process.stderr.write(`--today must be a date like 2027-03-16\n`);
    return 2;
  }
  today.setUTCHours(0, 0, 0, 0);
  const config = loadCliConfig(process.env, 'seed:scale');
  const started = performance.now();
  const written = await seedScale({
    databaseUrl: config.databaseUrl,
    associations,
    seed: values.seed!,
    today,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  for (const [table, rows] of Object.entries(written)) {
    process.stdout.write(`${table.padEnd(36)} ${String(rows).padStart(9)}\n`);
  }
  const total = Object.values(written).reduce((a, b) => a + b, 0);
  process.stdout.write(`${total} rows in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

if (require.main === module) runCommand(main);
