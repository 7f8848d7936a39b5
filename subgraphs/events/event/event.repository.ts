import type { DataSource } from 'typeorm';
import {
  type ConnectionResult,
  type KeysetOrder,
  type PageArgs,
  paginate,
} from '../../core/connection';
import { Event } from './event.entity';
import type { EventFilter } from './event.inputs';

export const EVENTS_BY_START: KeysetOrder<Event> = {
  name: 'STARTS_AT',
  direction: 'ASC',
  keys: [
    { sql: 'e.starts_at', value: (e) => e.startsAt },
    { sql: 'e.id', value: (e) => e.id },
  ],
};

export interface EventLink {
  eventId: string;
  otherId: string;
}

/** The first events of each organiser, for batched `Association.events` pages. */
export interface OrganizerPage {
  associationId: string;
  eventIds: string[];
  total: number;
}

/** All SQL about events. */
export class EventRepository {
  constructor(private readonly db: DataSource) {}

  findByIds(ids: readonly string[]): Promise<Event[]> {
    return this.db
      .getRepository(Event)
      .createQueryBuilder('e')
      .where('e.id = ANY(:ids)', { ids })
      .getMany();
  }

  async organizersOf(eventIds: readonly string[]): Promise<EventLink[]> {
    const rows: Array<{ event_id: string; association_id: string }> = await this.db.query(
      'SELECT event_id, association_id FROM events.event_organizer WHERE event_id = ANY($1) ORDER BY association_id',
      [eventIds],
    );
    return rows.map((r) => ({ eventId: r.event_id, otherId: r.association_id }));
  }

  async serviceAreasOf(eventIds: readonly string[]): Promise<EventLink[]> {
    const rows: Array<{ event_id: string; service_area_id: string }> = await this.db.query(
      'SELECT event_id, service_area_id FROM events.event_service_area WHERE event_id = ANY($1) ORDER BY service_area_id',
      [eventIds],
    );
    return rows.map((r) => ({ eventId: r.event_id, otherId: r.service_area_id }));
  }

  page(
    filter: EventFilter,
    includeDrafts: boolean,
    args: PageArgs,
  ): Promise<ConnectionResult<Event>> {
    const q = this.db.getRepository(Event).createQueryBuilder('e').where('TRUE');
    if (!includeDrafts) q.andWhere(`e.status <> 'DRAFT'`);
    if (filter.from) q.andWhere('e.ends_at >= :from', { from: filter.from });
    if (filter.to) q.andWhere('e.starts_at < :to', { to: filter.to });
    if (filter.kinds?.length) q.andWhere('e.kind = ANY(:kinds)', { kinds: filter.kinds });
    if (filter.statuses?.length)
      q.andWhere('e.status = ANY(:statuses)', { statuses: filter.statuses });
    if (filter.organizerIds?.length) {
      q.andWhere(
        'EXISTS (SELECT 1 FROM events.event_organizer o WHERE o.event_id = e.id AND o.association_id = ANY(:organizers))',
        { organizers: filter.organizerIds },
      );
    }
    if (filter.serviceAreaIds?.length) {
      q.andWhere(
        'EXISTS (SELECT 1 FROM events.event_service_area s WHERE s.event_id = e.id AND s.service_area_id = ANY(:areas))',
        { areas: filter.serviceAreaIds },
      );
    }
    return paginate(q, EVENTS_BY_START, args);
  }

  /**
   * The first `size` events (in start order) of every given association, with each one's
   * total, in one statement: a list of N associations asking for their events costs one
   * query, not N.
   */
  async firstPages(
    associationIds: readonly string[],
    size: number,
    includeDrafts: boolean,
  ): Promise<OrganizerPage[]> {
    const rows: Array<{ association_id: string; event_ids: string[] | null; total: string }> =
      await this.db.query(
        `SELECT o.association_id,
              (array_agg(e.id ORDER BY e.starts_at, e.id))[1:$2] AS event_ids,
              count(*) AS total
         FROM events.event_organizer o
         JOIN events.event e ON e.id = o.event_id
        WHERE o.association_id = ANY($1) AND ($3 OR e.status <> 'DRAFT')
        GROUP BY o.association_id`,
        [associationIds, size, includeDrafts],
      );
    return rows.map((r) => ({
      associationId: r.association_id,
      eventIds: r.event_ids ?? [],
      total: Number(r.total),
    }));
  }
}
