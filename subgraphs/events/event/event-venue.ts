import type { DomainEvent } from '../../core/domain-events';
import { BadUserInputError, UpstreamUnavailableError } from '../../core/errors';
import type { PublicGraph } from '../../core/public-graph';
import { Validator } from '../../core/validation';
import { EventStatus } from './event.enums';

/** Statuses in which an event takes place at its venue, and so holds it. */
export const HOLDING_STATUSES: ReadonlySet<EventStatus> = new Set([
  EventStatus.SCHEDULED,
  EventStatus.POSTPONED,
]);

const VENUE_CHECK = `query VenueCheck($id: ID!, $startsAt: DateTime!, $endsAt: DateTime!, $eventId: ID) {
  space(id: $id) {
    venueCheck(startsAt: $startsAt, endsAt: $endsAt, eventId: $eventId) {
      fits closedOn outsideOpeningHours clashes { startsAt endsAt }
    }
  }
}`;

interface VenueCheckAnswer {
  space: {
    venueCheck: {
      fits: boolean;
      closedOn: string[];
      outsideOpeningHours: boolean;
      clashes: Array<{ startsAt: string; endsAt: string }>;
    };
  } | null;
}

const day = (date: string) => {
  const [y, m, d] = date.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
};
const time = (iso: string) =>
  new Intl.DateTimeFormat('fi-FI', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Helsinki',
  }).format(new Date(iso));

/**
 * An event at a city space (issue 29, item 2). The venue must name a space that exists, and
 * an event that will take place there must fit it: the facilities subgraph, which owns
 * opening hours and bookings, judges that (Space.venueCheck), asked through the public
 * graph like any other figure another subgraph owns. Refusals name the day and the time.
 * The hold itself is kept by the facilities subgraph from `event.venue-changed`.
 */
export class EventVenues {
  constructor(private readonly graph: PublicGraph) {}

  async check(
    venueId: string | null,
    times: ReadonlyArray<{ startsAt: Date; endsAt: Date }>,
    status: EventStatus,
    eventId: string | null,
  ): Promise<void> {
    if (!venueId) return;
    const v = new Validator();
    for (const [n, { startsAt, endsAt }] of times.entries()) {
      const answer = await this.graph
        .query<VenueCheckAnswer>(VENUE_CHECK, {
          id: venueId,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          eventId,
        })
        .catch(() => {
          throw new UpstreamUnavailableError(
            'The facilities service',
            'the venue could not be checked, so nothing was written; try again',
          );
        });
      if (!answer.space) {
        throw BadUserInputError.single('input.venueSpaceId', 'EXISTS', 'no city space has this id');
      }
      // A draft names its venue without holding it; publishing is when it must fit.
      if (!HOLDING_STATUSES.has(status)) return;
      const check = answer.space.venueCheck;
      const which = times.length > 1 ? ` (occurrence ${n + 1})` : '';
      if (check.closedOn.length > 0) {
        v.problem(
          'input.venueSpaceId',
          'VENUE_CLOSED',
          `the venue's building is closed on ${check.closedOn.map(day).join(', ')}${which}`,
        );
      } else if (check.outsideOpeningHours) {
        v.problem(
          'input.venueSpaceId',
          'VENUE_HOURS',
          `the event runs outside the venue's opening hours${which}`,
        );
      }
      if (check.clashes.length > 0) {
        v.problem(
          'input.venueSpaceId',
          'VENUE_TAKEN',
          `the venue is taken ${check.clashes.map((c) => `${time(c.startsAt)}–${time(c.endsAt).split(' ').pop()}`).join(', ')}${which}`,
        );
      }
    }
    v.throwIfInvalid();
  }
}

/** What tells the facilities subgraph to bring an event's hold in step with the event. */
export function venueChanged(eventId: string, at: Date): DomainEvent {
  return {
    type: 'event.venue-changed',
    entity: { type: 'Event', id: eventId },
    sequence: at.getTime(),
    associationId: null,
    occurredAt: at.toISOString(),
    data: {},
  };
}
