import type { DataSource } from 'typeorm';
import type { DomainEvent, DomainEventBus } from '../../core/domain-events';
import type { PublicGraph } from '../../core/public-graph';

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
 * the events subgraph says an event's venue, time or status changed, its hold on the space
 * is made to match the event as the public graph shows it now. Reading the current state
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
      const released: Array<{ space_id: string }> = await manager.query(
        `WITH gone AS (DELETE FROM facilities.blocked_time WHERE source = 'EVENT' AND external_id = $1
                       RETURNING space_id) SELECT space_id FROM gone`,
        [eventId],
      );
      const held: Array<{ space_id: string }> =
        event?.venue && HOLDING.has(event.status)
          ? await manager.query(
              `INSERT INTO facilities.blocked_time (space_id, starts_at, ends_at, source, external_id, reason)
               SELECT $1, $2, $3, 'EVENT', $4, $5 WHERE EXISTS (SELECT 1 FROM facilities.space WHERE id = $1)
               RETURNING space_id`,
              [event.venue.id, event.startsAt, event.endsAt, eventId, event.title.fi],
            )
          : [];
      // The spaces' free time changed: told in this transaction, so that cached answers go.
      const spaces = [...new Set([...released, ...held].map((r) => r.space_id))];
      const at = this.now();
      for (const space of spaces) {
        await this.events.record(manager, {
          type: 'venue-hold.changed',
          entity: { type: 'Space', id: space },
          sequence: at.getTime(),
          associationId: null,
          occurredAt: at.toISOString(),
          data: { eventId },
        });
      }
    });
    this.events.wake();
  }
}
