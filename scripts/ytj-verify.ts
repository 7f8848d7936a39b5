import 'reflect-metadata';
import { YtjClient } from '../integrations/ytj/client';
import { associationsSubgraph } from '../subgraphs/associations/associations.subgraph';
import { RegistrySyncService } from '../subgraphs/associations/registry/registry-sync.service';
import { connect, migrate } from '../subgraphs/core/database';
import { subgraphDataSource } from '../subgraphs/core/subgraph';
import { runCommand } from './cli';
import { loadCliConfig } from './cli.config';
import { tellImported } from './imported';
import { progressBar } from './progress';

/**
 * `npm run ytj:verify [-- --dry-run] [-- --json]`: checks every association with a business
 * ID against YTJ, fills in missing addresses, and reports differing names, dissolved
 * associations and unknown IDs for a person to look at.
 */
async function main(args: string[]): Promise<number> {
  const config = loadCliConfig(process.env, 'ytj:verify');
  const db = await connect(subgraphDataSource(associationsSubgraph, config.databaseUrl, 2));
  try {
    await migrate(db);
    const registry = new YtjClient({ baseUrl: config.ytjBaseUrl, timeoutMs: config.ytjTimeoutMs });
    const apply = !args.includes('--dry-run');
    const report = await new RegistrySyncService(db, registry).run({
      apply,
      onProgress: progressBar('checking against YTJ'),
    });
    if (apply) {
      await tellImported(config.databaseUrl, db, 'ytj', report.enriched.length, new Date());
    }
    if (args.includes('--json')) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const lines = [
        `${report.checked} checked, ${report.matching} matching YTJ`,
        ...report.enriched.map(
          (e) => `${apply ? 'filled' : 'would fill'} ${e.filled.join(', ')}: ${e.businessId}`,
        ),
        ...report.nameDiffers.map(
          (d) => `name differs: ${d.businessId} "${d.name}" here, "${d.registryName}" in YTJ`,
        ),
        ...report.ended.map((e) => `ended in YTJ on ${e.endDate}: ${e.businessId} "${e.name}"`),
        ...report.notFound.map((n) => `not in YTJ: ${n.businessId} "${n.name}"`),
        ...report.failed.map((f) => `could not check ${f.businessId}: ${f.reason}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return report.failed.length > 0 ? 1 : 0;
  } finally {
    await db.destroy();
  }
}

runCommand(main);
