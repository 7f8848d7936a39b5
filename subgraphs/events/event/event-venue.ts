import type { DomainEvent } from '../../core/domain-events';
import { BadUserInputError, ConflictError, UpstreamUnavailableError } from '../../core/errors';
import type { PublicGraph } from '../../core/public-graph';
import { Validator } from '../../core/validation';
import { EventStatus } from './event.enums';

/** Statuses in which an event takes place at its venue, and so holds it. */
export const HOLDING_STATUSES: ReadonlySet<EventStatus> = new Set([
  EventStatus.SCHEDULED,
  EventStatus.POSTPONED,
]);

const SPACE_EXISTS = `query SpaceExists($id: ID!) { space(id: $id) { id } }`;

const HOLD_VENUE = `mutation HoldVenue($input: HoldVenueInput!) {
  holdVenue(input: $input) {
    outcome
    occurrences { check { fits closedOn outsideOpeningHours clashes { startsAt endsAt } } }
  }
}`;

interface VenueCheckAnswer {
  fits: boolean;
  closedOn: string[];
  outsideOpeningHours: boolean;
  clashes: Array<{ startsAt: string; endsAt: string }>;
}

interface HoldVenueAnswer {
  holdVenue: {
    outcome: 'HELD' | 'NO_SUCH_SPACE' | 'DOES_NOT_FIT' | 'TAKEN_MEANWHILE';
    occurrences: Array<{ check: VenueCheckAnswer }>;
  };
}

/** One occurrence of an event at its venue: the event's id exists before the event is written. */
export interface VenueTime {
  eventId: string;
  startsAt: Date;
  endsAt: Date;
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
 * an event that will take place there must fit it and hold it. The facilities subgraph,
 * which owns opening hours and bookings, judges and holds in one call (`holdVenue`), asked
 * through the public graph with the caller's own token before the event is written: every
 * occurrence of a series in one round trip, each held under the same exclusion constraint
 * as reservations. The hold is pending until the facilities subgraph hears the event was
 * written (`event.venue-changed`) and lapses if it never was. Refusals name the day and the
 * time; losing a race for the time is CONFLICT.
 */
export class EventVenues {
  constructor(
    private readonly graph: PublicGraph,
    /** The caller's bearer token: the hold is asked with the caller's rights. */
    private readonly authorization: string | undefined,
  ) {}

  async hold(
    venueId: string | null,
    times: readonly VenueTime[],
    status: EventStatus,
    reason: string,
  ): Promise<void> {
    if (!venueId) return;
    const unavailable = () => {
      throw new UpstreamUnavailableError(
        'The facilities service',
        'the venue could not be checked, so nothing was written; try again',
      );
    };
    const noSuchSpace = () =>
      BadUserInputError.single('input.venueSpaceId', 'EXISTS', 'no city space has this id');
    // A draft names its venue without holding it; publishing is when it must fit.
    if (!HOLDING_STATUSES.has(status)) {
      const answer = await this.graph
        .query<{ space: { id: string } | null }>(SPACE_EXISTS, { id: venueId })
        .catch(unavailable);
      if (!answer.space) throw noSuchSpace();
      return;
    }
    const { holdVenue } = await this.graph
      .query<HoldVenueAnswer>(
        HOLD_VENUE,
        {
          input: {
            spaceId: venueId,
            reason: reason.slice(0, 300),
            occurrences: times.map((t) => ({
              eventId: t.eventId,
              startsAt: t.startsAt.toISOString(),
              endsAt: t.endsAt.toISOString(),
            })),
          },
        },
        { authorization: this.authorization },
      )
      .catch(unavailable);
    switch (holdVenue.outcome) {
      case 'HELD':
        return;
      case 'NO_SUCH_SPACE':
        throw noSuchSpace();
      case 'TAKEN_MEANWHILE':
        throw new ConflictError(
          'input.venueSpaceId: another booking took the venue for this time while the event was being saved; nothing was written',
          { field: 'input.venueSpaceId' },
        );
      case 'DOES_NOT_FIT':
        refuse(holdVenue.occurrences.map((o) => o.check));
    }
  }
}

/** Every reason the venue does not fit, per occurrence, as one BAD_USER_INPUT. */
function refuse(checks: readonly VenueCheckAnswer[]): void {
  const v = new Validator();
  for (const [n, check] of checks.entries()) {
    const which = checks.length > 1 ? ` (occurrence ${n + 1})` : '';
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
