import 'reflect-metadata';
import { LinkedEventsClient } from '../integrations/linked-events/client';
import { connect, migrate } from '../subgraphs/core/database';
import { subgraphDataSource } from '../subgraphs/core/subgraph';
import { eventsSubgraph } from '../subgraphs/events/events.subgraph';
import { EventImportService } from '../subgraphs/events/import/event-import.service';
import { runCommand } from './cli';
import { loadCliConfig } from './cli.config';
import { tellImported } from './imported';
import { progressBar } from './progress';

/**
 * `npm run import:linked-events [-- --full] [-- --json]`: imports events from a Linked
 * Events API (LINKED_EVENTS_URL), only what changed since the last run unless --full.
 * Exit code 1 when a page could not be read (what came before it is kept; run again).
 */
async function main(args: string[]): Promise<number> {
  const config = loadCliConfig(process.env, 'import:linked-events');
  if (!config.linkedEventsUrl) {
    process.stderr.write(
      'LINKED_EVENTS_URL is required, e.g. https://api.hel.fi/linkedevents/v1/\n',
    );
    return 2;
  }
  const db = await connect(subgraphDataSource(eventsSubgraph, config.databaseUrl, 2));
  try {
    await migrate(db);
    const client = new LinkedEventsClient({
      baseUrl: config.linkedEventsUrl,
      publisher: config.linkedEventsPublisher,
    });
    const report = await new EventImportService(db, 'LINKED_EVENTS', client).run({
      full: args.includes('--full'),
      onProgress: progressBar('importing events'),
    });
    // What came in before a failed page is kept, so it is told as well.
    await tellImported(
      config.databaseUrl,
      db,
      'linked-events',
      report.created + report.updated,
      new Date(),
    );
    if (args.includes('--json')) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const lines = [
        `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged${report.since ? ` (changes since ${report.since})` : ''}`,
        ...(report.failed
          ? [`stopped at ${report.failed.url}: ${report.failed.reason} (run again to continue)`]
          : []),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return report.failed ? 1 : 0;
  } finally {
    await db.destroy();
  }
}

runCommand(main);
