import type { DataSource } from 'typeorm';
import {
  type ConnectionResult,
  encodeCursor,
  normalizePageArgs,
  type PageArgs,
} from '../../core/connection';
import { BadUserInputError } from '../../core/errors';
import { requireUuid, requireUuids } from '../../core/ids';
import type { Identity } from '../../core/identity';
import type { Event } from './event.entity';
import { EventStatus } from './event.enums';
import type { EventsArgs } from './event.inputs';
import type { EventLoaders } from './event.loaders';
import { EVENTS_BY_START, EventRepository } from './event.repository';

/** Drafts are work in progress: only city staff and admins see them. */
export function seesDrafts(identity: Identity): boolean {
  return identity.role === 'staff' || identity.role === 'admin';
}

/** The rules of reading events. */
export class EventService {
  private readonly repository: EventRepository;

  constructor(
    db: DataSource,
    private readonly identity: Identity,
    private readonly loaders: EventLoaders,
  ) {
    this.repository = new EventRepository(db);
  }

  async byId(id: string): Promise<Event | null> {
    return this.visible(await this.loaders.event.load(requireUuid('id', id)));
  }

  async reference(id: string): Promise<Event | null> {
    return this.visible(await this.loaders.event.load(id));
  }

  list(args: EventsArgs): Promise<ConnectionResult<Event>> {
    const filter = args.filter ?? {};
    if (filter.from && filter.to && filter.to <= filter.from) {
      throw BadUserInputError.single('filter.to', 'AFTER_FROM', 'must be later than filter.from');
    }
    if (filter.statuses?.includes(EventStatus.DRAFT) && !seesDrafts(this.identity)) {
      throw BadUserInputError.single(
        'filter.statuses',
        'DRAFT_HIDDEN',
        'DRAFT events are visible to city staff only',
      );
    }
    return this.repository.page(
      {
        ...filter,
        organizerIds: requireUuids('filter.organizerIds', filter.organizerIds),
        serviceAreaIds: requireUuids('filter.serviceAreaIds', filter.serviceAreaIds),
      },
      seesDrafts(this.identity),
      args,
    );
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
    if (!page.forward || page.cursor !== null) {
      return this.repository.page(
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
      pageInfo: {
        hasNextPage: first.total > edges.length,
        hasPreviousPage: false,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      totalCount: Promise.resolve(first.total),
    };
  }

  private visible(event: Event | null): Event | null {
    if (event && event.status === EventStatus.DRAFT && !seesDrafts(this.identity)) return null;
    return event;
  }
}
