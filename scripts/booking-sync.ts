import { DomainEventBus } from '../subgraphs/core/domain-events';
import 'reflect-metadata';
import { connect, migrate } from '../subgraphs/core/database';
import { EnvReader } from '../subgraphs/core/env';
import { subgraphDataSource } from '../subgraphs/core/subgraph';
import {
  createBookingBridge,
  readBookingConfig,
} from '../subgraphs/facilities/booking/booking.config';
import { BookingSyncService } from '../subgraphs/facilities/booking/booking-sync.service';
import { facilitiesSubgraph } from '../subgraphs/facilities/facilities.subgraph';
import { runCommand } from './cli';
import { loadCliConfig } from './cli.config';
import { progressBar } from './progress';

/**
 * `npm run booking:sync [-- --json]`: one sync with every configured booking system now,
 * instead of waiting for the background interval. Exit code 1 when any system failed.
 */
async function main(args: string[]): Promise<number> {
  const cli = loadCliConfig(process.env, 'booking:sync');
  const reader = new EnvReader('booking:sync', process.env);
  const booking = reader.done(readBookingConfig(reader));
  const bridge = createBookingBridge(booking);
  if (bridge.configured().length === 0) {
    process.stderr.write(
      'No booking system is configured: set BOOKING_TIMMI_URL, BOOKING_RESPA_URL or BOOKING_ICS_ENABLED (see docs/spaces.md).\n',
    );
    return 2;
  }
  const db = await connect(subgraphDataSource(facilitiesSubgraph, cli.databaseUrl, 2));
  // What the sync changes is told to the running hub (decision mails, caches) as its own changes are.
  const events = new DomainEventBus(cli.databaseUrl);
  try {
    await migrate(db);
    const reports = await new BookingSyncService(db, bridge, events).syncAll({
      daysAhead: booking.syncDaysAhead,
      onProgress: progressBar('syncing linked spaces'),
    });
    if (reports === null) {
      process.stderr.write(
        'Another sync is running right now (a facilities replica); try again in a minute.\n',
      );
      return 1;
    }
    if (args.includes('--json')) {
      process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    } else {
      for (const r of reports) {
        const lines = r.ok
          ? [
              `${r.system}: ${r.spaces} linked spaces, ${r.busyAdded} busy times added or moved, ${r.busyRemoved} removed`,
              `  requests confirmed ${r.confirmed.length}, rejected ${r.rejected.length}, cancelled ${r.cancelled.length}`,
              ...r.unlinkedResources.map(
                (u) => `  not linked to any space: ${u.externalId} "${u.name}"`,
              ),
            ]
          : [`${r.system}: FAILED: ${r.error} (spaces keep the last copy and show as stale)`];
        process.stdout.write(`${lines.join('\n')}\n`);
      }
    }
    return reports.every((r) => r.ok) ? 0 : 1;
  } finally {
    await events.stop();
    await db.destroy();
  }
}

runCommand(main);
