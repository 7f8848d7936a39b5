import 'reflect-metadata';
import { createSubgraphs } from '../subgraphs/all';
import { connect, migrate, migrationStatus } from '../subgraphs/core/database';
import { subgraphDataSource } from '../subgraphs/core/subgraph';
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/core/subgraph.config';
import { loadCliConfig } from './cli.config';

/**
 * `npm run migrate [-- <subgraph>…] [-- --status]`: applies the pending migrations of all
 * subgraphs, or of those named, so a deployment can run them as one job before the
 * subgraphs start (with MIGRATE_ON_START=false). Safe to run twice and from several
 * replicas at once: each subgraph migrates under an advisory lock. `--status` only lists
 * what is applied and what is pending, and exits 1 when something is pending.
 */
export async function runMigrate(
  env: NodeJS.ProcessEnv,
  args: readonly string[],
  out: (line: string) => void,
): Promise<number> {
  const config = loadCliConfig(env, 'migrate');
  const statusOnly = args.includes('--status');
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !(SUBGRAPH_NAMES as readonly string[]).includes(n));
  if (unknown.length) {
    throw new Error(
      `No such subgraph: ${unknown.join(', ')}. The subgraphs are ${SUBGRAPH_NAMES.join(', ')}.`,
    );
  }
  const chosen = names.length ? (names as SubgraphName[]) : [...SUBGRAPH_NAMES];
  let pending = 0;
  for (const definition of createSubgraphs().filter((d) => chosen.includes(d.name))) {
    const db = await connect(subgraphDataSource(definition, config.databaseUrl, 2));
    try {
      if (statusOnly) {
        const status = await migrationStatus(db);
        pending += status.pending.length;
        out(
          `${definition.name}: ${status.applied.length} applied, ${status.pending.length} pending${
            status.pending.length ? ` (${status.pending.join(', ')})` : ''
          }`,
        );
      } else {
        const applied = await migrate(db);
        out(
          `${definition.name}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`,
        );
      }
    } finally {
      await db.destroy();
    }
  }
  return statusOnly && pending > 0 ? 1 : 0;
}

if (require.main === module) {
  runMigrate(process.env, process.argv.slice(2), (line) => console.log(line)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
