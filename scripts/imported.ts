import { randomUUID } from 'node:crypto';
import type { Connection } from '../subgraphs/core/data';
import { DomainEventBus } from '../subgraphs/core/domain-events';

/**
 * Tells the running hub that a command-line import changed data (`data.imported`), so that
 * its gateways retire the answers they kept, as they do after a change made through the
 * graph. The imports commit page by page, so the event is recorded after the last page
 * rather than with each: a run that crashes before it leaves answers stale for at most the
 * cache's age (CACHE_MAX_AGE_SECONDS), never for longer. Nothing changed, nothing is told.
 */
export async function tellImported(
  databaseUrl: string,
  connection: Connection,
  source: string,
  changed: number,
  now: Date,
): Promise<void> {
  if (changed === 0) return;
  const bus = new DomainEventBus(databaseUrl);
  try {
    await bus.record(connection, {
      type: 'data.imported',
      entity: { type: 'Import', id: randomUUID() },
      sequence: now.getTime(),
      associationId: null,
      occurredAt: now.toISOString(),
      data: { source, changed },
    });
  } finally {
    await bus.stop();
  }
}
