import { checkPeriod } from '../../core/validation';
import { isUuid } from '../../core/ids';
import type { EventsData } from '../events.repositories';
import {
  type ConnectionResult,
  encodeCursor,
  normalizePageArgs,
  pageInfoOf,
  type PageArgs,
} from '../../core/connection';
import { BadUserInputError } from '../../core/errors';
import { requireUuid, requireUuids } from '../../core/ids';
import type { Identity } from '../../core/identity';
import type { Event } from './event.entity';
import { EventStatus } from './event.enums';
import type { EventFilter, EventsArgs } from './event.inputs';
import type { EventLoaders } from '../events.loaders';
import type { AgendaItem, Registration } from './event.types';
import type { SeriesFrequency } from './event.enums';
import { EVENTS_BY_START } from './event.repository';

/** Drafts are work in progress: only city staff and admins see them. */
export function seesDrafts(identity: Identity): boolean {
  return identity.role === 'staff' || identity.role === 'admin';
}

/** The rules of reading events. */
export class EventService {
  constructor(
    private readonly data: EventsData,
    private readonly identity: Identity,
    private readonly loaders: EventLoaders,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async byId(id: string): Promise<Event | null> {
    return this.visible(await this.loaders.event.load(requireUuid('id', id)));
  }

  async reference(id: string): Promise<Event | null> {
    return this.visible(await this.loaders.event.load(id));
  }

  list(args: EventsArgs): Promise<ConnectionResult<Event>> {
    // A site lists what is coming: without `from`, events that have not ended yet; an
    // explicit `from: null` lists from the first event ever.
    const given = args.filter ?? {};
    const filter = given.from === undefined ? { ...given, from: this.now() } : given;
    checkPeriod('filter', filter);
    if (filter.statuses?.includes(EventStatus.DRAFT) && !seesDrafts(this.identity)) {
      throw BadUserInputError.single(
        'filter.statuses',
        'DRAFT_HIDDEN',
        'DRAFT events are visible to city staff only',
      );
    }
    const search = filter.search?.trim();
    if (search && search.length > 200) {
      throw BadUserInputError.single(
        'filter.search',
        'MAX_LENGTH',
        'must be at most 200 characters',
      );
    }
    return this.data.repositories.events.page(
      {
        ...filter,
        search: search || null,
        keywords: filter.keywords?.map((k) => k.trim().toLowerCase()),
        organizerIds: requireUuids('filter.organizerIds', filter.organizerIds),
        serviceAreaIds: requireUuids('filter.serviceAreaIds', filter.serviceAreaIds),
        venueIds: requireUuids('filter.venueIds', filter.venueIds),
      },
      seesDrafts(this.identity),
      args,
    );
  }

  /**
   * Counts under the same rules as the list: drafts for staff only, the same filter checks.
   * No groupings: one row, everything the filter selects (the statistics' total).
   */
  statistics(groupBy: readonly string[], filter: EventFilter) {
    if (groupBy.length > 3) {
      throw BadUserInputError.single('groupBy', 'COUNT', 'must list at most 3 groupings');
    }
    checkPeriod('filter', filter);
    return this.data.repositories.events.statistics(
      groupBy,
      {
        ...filter,
        organizerIds: requireUuids('filter.organizerIds', filter.organizerIds),
        serviceAreaIds: requireUuids('filter.serviceAreaIds', filter.serviceAreaIds),
        venueIds: requireUuids('filter.venueIds', filter.venueIds),
      },
      seesDrafts(this.identity),
    );
  }

  /** A working group's meetings; an id that is no UUID has none. */
  meetingsOf(groupId: string): Promise<Event[]> {
    return isUuid(groupId)
      ? this.loaders.meetingsOfWorkingGroup.load(groupId.toLowerCase())
      : Promise.resolve([]);
  }

  async organizerIds(event: Event): Promise<string[]> {
    return (await this.loaders.organizerIdsOfEvent.load(event.id)).map((l) => l.otherId);
  }

  async serviceAreaIds(event: Event): Promise<string[]> {
    return (await this.loaders.serviceAreaIdsOfEvent.load(event.id)).map((l) => l.otherId);
  }

  /**
   * An association's events in start order. First pages, by far the common case (a list
   * of associations with their next events), are batched across associations; a page
   * after a cursor is one query of its own.
   */
  async ofAssociation(associationId: string, args: PageArgs): Promise<ConnectionResult<Event>> {
    const page = normalizePageArgs(args);
    if (!page.forward || page.after !== null || page.before !== null) {
      return this.data.repositories.events.page(
        { organizerIds: [associationId] },
        seesDrafts(this.identity),
        args,
      );
    }
    const first = await this.loaders.firstPageOfOrganizer(page.size).load(associationId);
    const events = await this.loaders.event.loadMany(first.eventIds);
    const edges = events
      .filter((e): e is Event => e !== null && !(e instanceof Error))
      .map((node) => ({
        node,
        cursor: encodeCursor(
          EVENTS_BY_START.name,
          EVENTS_BY_START.keys.map((k) => k.value(node, {})),
        ),
      }));
    return {
      edges,
      pageInfo: pageInfoOf(page, first.total > edges.length, edges),
      totalCount: Promise.resolve(first.total),
    };
  }

  async agenda(event: Event): Promise<AgendaItem[]> {
    return (await this.loaders.agendaOfEvent.load(event.id)).map((a) => ({
      startsAt: a.startsAt,
      title: a.title,
      description: a.description,
      serviceArea: a.serviceAreaId ? { id: a.serviceAreaId } : null,
    }));
  }

  async registration(event: Event, isOpen: boolean): Promise<Registration | null> {
    if (event.capacity === null && !event.registrationOpensAt && !event.registrationClosesAt)
      return null;
    const counts = await this.loaders.counts.load(event.id);
    return {
      capacity: event.capacity,
      opensAt: event.registrationOpensAt,
      closesAt: event.registrationClosesAt,
      isOpen,
      enrolled: counts.enrolled,
      waitlisted: counts.waitlisted,
      placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - counts.enrolled),
    };
  }

  /** The next public events in a space (its venue), soonest first. */
  async upcomingIn(spaceId: string, first: number | null | undefined): Promise<Event[]> {
    const size = first ?? 5;
    if (size < 1 || size > 50)
      throw BadUserInputError.single('first', 'RANGE', 'must be from 1 to 50');
    const ids = await this.loaders.upcomingInSpace(size, new Date()).load(spaceId);
    const events = await this.loaders.event.loadMany(ids);
    return events.filter((e): e is Event => e !== null && !(e instanceof Error));
  }

  /** A series with its visible occurrences. */
  async series(seriesId: string): Promise<{
    id: string;
    frequency: SeriesFrequency;
    interval: number;
    occurrences: Event[];
  } | null> {
    const row = await this.loaders.series.load(seriesId);
    if (!row) return null;
    const events = await this.loaders.event.loadMany(row.eventIds);
    return {
      id: row.id,
      frequency: row.frequency,
      interval: row.interval,
      occurrences: events
        .filter((e): e is Event => e !== null && !(e instanceof Error))
        .filter((e) => this.visible(e) !== null),
    };
  }

  private visible(event: Event | null): Event | null {
    if (event && event.status === EventStatus.DRAFT && !seesDrafts(this.identity)) return null;
    return event;
  }
}
