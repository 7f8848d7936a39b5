import type { DataSource } from 'typeorm';
import type { DomainEvent, DomainEventBus } from '../../core/domain-events';
import type { PublicGraph } from '../../core/public-graph';
import { VenueHoldRepository } from './venue-hold.repository';

const CURRENT = `query VenueHold($id: ID!) {
  event(id: $id) { status startsAt endsAt title { fi } venue { id } }
}`;

interface CurrentEvent {
  event: {
    status: string;
    startsAt: string;
    endsAt: string;
    title: { fi: string | null };
    venue: { id: string } | null;
  } | null;
}

/** Statuses in which an event will take place at its venue. */
const HOLDING = new Set(['SCHEDULED', 'POSTPONED']);

/**
 * The facilities subgraph's side of an event at one of its spaces (issue 29, item 2): when
 * the events subgraph says an event's venue, time or status changed, its firm hold on the
 * space is made to match the event as the public graph shows it now, and the pending hold
 * made for that change (VenueHoldService.hold) goes. Reading the current state
 * instead of trusting the message makes a repeated or overtaken message harmless: the hold
 * always ends up as the event is. A draft or cancelled event, or one without a city venue,
 * holds nothing.
 */
export class VenueHoldConsumer {
  constructor(
    private readonly db: DataSource,
    private readonly graph: PublicGraph,
    private readonly events: DomainEventBus,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async handle(message: DomainEvent): Promise<void> {
    const eventId = message.entity.id;
    const { event } = await this.graph.query<CurrentEvent>(CURRENT, { id: eventId });
    await this.db.transaction(async (manager) => {
      // One hold per event, rewritten whole: two messages of one event cannot both insert.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`event-hold:${eventId}`]);
      const holds = new VenueHoldRepository(manager);
      const at = this.now();
      const released = await holds.releaseFirm(eventId);
      // The hold claims the space under the reservations' exclusion constraint; it was made
      // pending when the event was published, so this only fails if that lapsed and someone
      // took the time: thrown, retried and dead-lettered where operators see it.
      const held =
        event?.venue && HOLDING.has(event.status)
          ? await holds.holdFirm(
              event.venue.id,
              { eventId, startsAt: new Date(event.startsAt), endsAt: new Date(event.endsAt) },
              event.title.fi,
              at,
            )
          : [];
      // The spaces' free time changed: told in this transaction, so that cached answers go.
      for (const space of new Set([...released, ...held])) {
        await this.events.record(manager, venueHoldChanged(space, [eventId], at));
      }
    });
    this.events.wake();
  }
}

/** A space's free time changed because an event's hold on it did. */
export function venueHoldChanged(
  spaceId: string,
  eventIds: readonly string[],
  at: Date,
): DomainEvent {
  return {
    type: 'venue-hold.changed',
    entity: { type: 'Space', id: spaceId },
    sequence: at.getTime(),
    associationId: null,
    occurredAt: at.toISOString(),
    data: { eventIds },
  };
}

/**
 * Clears pending holds whose events were never written, so that free-time search stops
 * showing them busy (writes that need the time clear them on the spot anyway). Runs every
 * `intervalMs` on the running service's clock; `sweepLapsedHolds` is the round, for tests.
 */
export function startLapsedHoldSweep(
  db: DataSource,
  events: DomainEventBus,
  warn: (line: string) => void,
  intervalMs = 60_000,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = sweepLapsedHolds(db, events, new Date()).catch((error: unknown) =>
      warn(`lapsed venue holds were not cleared: ${String(error)}`),
    );
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

export async function sweepLapsedHolds(
  db: DataSource,
  events: DomainEventBus,
  now: Date,
): Promise<number> {
  const spaces = await db.transaction(async (manager) => {
    const dropped = await new VenueHoldRepository(manager).dropAllLapsed(now);
    for (const space of dropped) {
      await events.record(manager, venueHoldChanged(space, [], now));
    }
    return dropped;
  });
  if (spaces.length > 0) events.wake();
  return spaces.length;
}
