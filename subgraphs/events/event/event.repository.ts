import type { Connection } from '../../core/data';
import {
  type ConnectionResult,
  type KeysetOrder,
  type PageArgs,
  paginate,
} from '../../core/connection';
import { Event } from './event.entity';
import type { EventFilter } from './event.inputs';
import type { AgendaRow, EventCounts } from './event.types';
import type { SeriesFrequency } from './event.enums';

export const EVENTS_BY_START: KeysetOrder<Event> = {
  name: 'STARTS_AT',
  direction: 'ASC',
  keys: [
    { sql: 'e.starts_at', type: 'timestamp', value: (e) => e.startsAt },
    { sql: 'e.id', type: 'uuid', value: (e) => e.id },
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
  constructor(private readonly db: Connection) {}

  eventsByIds(ids: readonly string[]): Promise<Event[]> {
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
    return paginate(this.filtered(filter, includeDrafts), EVENTS_BY_START, args);
  }

  /** Events per group (kind, Helsinki month, service area) under the same filter as the list, in one statement. */
  async statistics(
    groupBy: readonly string[],
    filter: EventFilter,
    includeDrafts: boolean,
  ): Promise<
    Array<{
      kind: string | null;
      month: string | null;
      serviceAreaId: string | null;
      count: number;
      enrolments: number;
      participants: number;
      associations: number;
      eventsWithAttendance: number;
      came: number;
      noShows: number;
      withCitySupport: number;
    }>
  > {
    const q = this.filtered(filter, includeDrafts)
      .select('count(DISTINCT e.id)::int', 'count')
      // Per event, aggregated before joining, so neither join repeats an event's row.
      .leftJoin(
        `(SELECT event_id, count(*)::int AS enrolments, sum(people)::int AS people,
                 sum(attended_people)::int AS came, sum(people - attended_people)::int AS no_shows
            FROM events.enrolment WHERE status = 'ENROLLED' GROUP BY event_id)`,
        'en',
        'en.event_id = e.id',
      )
      .leftJoin(
        `(SELECT event_id, string_agg(association_id::text, ',') AS ids
            FROM (SELECT event_id, association_id FROM events.enrolment WHERE status = 'ENROLLED'
                  UNION SELECT event_id, association_id FROM events.event_organizer) taking_part
           GROUP BY event_id)`,
        'ea',
        'ea.event_id = e.id',
      )
      .addSelect('coalesce(sum(en.enrolments), 0)::int', 'enrolments')
      .addSelect('coalesce(sum(en.people), 0)::int', 'participants')
      // Attendance, of the events it was recorded for: the head count where one was taken,
      // else the marked sign-ups' people who came.
      .addSelect(
        'count(DISTINCT e.id) FILTER (WHERE e.attendance_recorded_at IS NOT NULL)::int',
        'eventsWithAttendance',
      )
      .addSelect(
        'coalesce(sum(coalesce(e.head_count, en.came, 0)) FILTER (WHERE e.attendance_recorded_at IS NOT NULL), 0)::int',
        'came',
      )
      .addSelect('coalesce(sum(en.no_shows), 0)::int', 'noShows')
      // Events the city supported: a part of one of their support requests was granted.
      .addSelect(
        `count(DISTINCT e.id) FILTER (WHERE EXISTS (
           SELECT 1 FROM events.support_request r JOIN events.support_part p ON p.request_id = r.id
            WHERE r.event_id = e.id AND p.status = 'CONFIRMED'))::int`,
        'withCitySupport',
      )
      // Distinct over the whole group: an association at three evenings counts once.
      .addSelect(
        `(SELECT count(DISTINCT id)::int FROM unnest(string_to_array(string_agg(ea.ids, ','), ',')) AS id)`,
        'associations',
      );
    const columns: Record<string, [string, string]> = {
      KIND: ['e.kind', 'kind'],
      MONTH: [`to_char(e.starts_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM')`, 'month'],
      SERVICE_AREA: ['esa.service_area_id', 'serviceAreaId'],
    };
    if (groupBy.includes('SERVICE_AREA')) {
      // A table, not an entity: joined as a subquery so TypeORM knows the alias.
      q.leftJoin(
        '(SELECT event_id, service_area_id FROM events.event_service_area)',
        'esa',
        'esa.event_id = e.id',
      );
    }
    for (const grouping of new Set(groupBy)) {
      const [sql, alias] = columns[grouping];
      // Ordered by the selected alias: TypeORM resolves `alias.column` in ORDER BY against
      // entity metadata, which a joined table does not have ("alias was not found").
      q.addSelect(sql, alias).addGroupBy(sql).addOrderBy(`"${alias}"`, 'ASC', 'NULLS LAST');
    }
    const rows: Array<{
      kind?: string;
      month?: string;
      serviceAreaId?: string;
      count: number;
      enrolments: number;
      participants: number;
      associations: number;
      eventsWithAttendance: number;
      came: number;
      noShows: number;
      withCitySupport: number;
    }> = await q.getRawMany();
    return rows.map((r) => ({
      kind: r.kind ?? null,
      month: r.month ?? null,
      serviceAreaId: r.serviceAreaId ?? null,
      count: r.count,
      enrolments: r.enrolments,
      participants: r.participants,
      associations: r.associations,
      eventsWithAttendance: r.eventsWithAttendance,
      came: r.came,
      noShows: r.noShows,
      withCitySupport: r.withCitySupport,
    }));
  }

  private filtered(filter: EventFilter, includeDrafts: boolean) {
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
    if (filter.venueIds?.length)
      q.andWhere('e.venue_space_id = ANY(:venues)', { venues: filter.venueIds });
    if (filter.keywords?.length)
      q.andWhere('e.keywords @> :keywords::text[]', { keywords: filter.keywords });
    if (filter.freeOnly) q.andWhere('e.is_free');
    if (filter.search) {
      // Any of the three languages' stemming may match each word.
      q.andWhere(
        `e.search @@ (websearch_to_tsquery('finnish', :search) || websearch_to_tsquery('swedish', :search) || websearch_to_tsquery('english', :search))`,
        { search: filter.search },
      );
    }
    return q;
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

  async agendaOf(eventIds: readonly string[]): Promise<AgendaRow[]> {
    const rows: Array<{
      event_id: string;
      starts_at: Date | null;
      title: AgendaRow['title'];
      description: AgendaRow['description'];
      service_area_id: string | null;
    }> = await this.db.query(
      `SELECT event_id, starts_at, title, description, service_area_id FROM events.agenda_item
          WHERE event_id = ANY($1) ORDER BY event_id, position`,
      [eventIds],
    );
    return rows.map((r) => ({
      eventId: r.event_id,
      startsAt: r.starts_at,
      title: r.title,
      description: r.description,
      serviceAreaId: r.service_area_id,
    }));
  }

  async countsOf(eventIds: readonly string[]): Promise<EventCounts[]> {
    const rows: Array<{
      event_id: string;
      enrolled: number;
      waitlisted: number;
      feedback_count: number;
      rating_sum: number;
      distribution: number[];
    }> = await this.db.query(
      `SELECT e.id AS event_id,
                coalesce((SELECT sum(people) FROM events.enrolment n WHERE n.event_id = e.id AND n.status = 'ENROLLED'), 0)::int AS enrolled,
                coalesce((SELECT sum(people) FROM events.enrolment n WHERE n.event_id = e.id AND n.status = 'WAITLISTED'), 0)::int AS waitlisted,
                (SELECT count(*) FROM events.feedback f WHERE f.event_id = e.id)::int AS feedback_count,
                coalesce((SELECT sum(rating) FROM events.feedback f WHERE f.event_id = e.id), 0)::int AS rating_sum,
                ARRAY(SELECT (SELECT count(*) FROM events.feedback f WHERE f.event_id = e.id AND f.rating = r)::int
                        FROM generate_series(1, 5) AS r ORDER BY r) AS distribution
           FROM events.event e WHERE e.id = ANY($1)`,
      [eventIds],
    );
    return rows.map((r) => ({
      eventId: r.event_id,
      enrolled: r.enrolled,
      waitlisted: r.waitlisted,
      feedbackCount: r.feedback_count,
      ratingSum: r.rating_sum,
      distribution: r.distribution,
    }));
  }

  /** The meetings of many working groups, in start order; drafts only when asked. */
  meetingsOf(groupIds: readonly string[], includeDrafts: boolean): Promise<Event[]> {
    const q = this.db
      .getRepository(Event)
      .createQueryBuilder('e')
      .where('e.working_group_id = ANY(:groupIds)', { groupIds });
    if (!includeDrafts) q.andWhere(`e.status <> 'DRAFT'`);
    return q.orderBy('e.starts_at').addOrderBy('e.id').getMany();
  }

  async upcomingInSpaces(
    spaceIds: readonly string[],
    size: number,
    now: Date,
  ): Promise<Array<{ spaceId: string; eventIds: string[] }>> {
    const rows: Array<{ venue_space_id: string; event_ids: string[] }> = await this.db.query(
      `SELECT venue_space_id, (array_agg(id ORDER BY starts_at, id))[1:$2] AS event_ids
         FROM events.event
        WHERE venue_space_id = ANY($1) AND ends_at > $3 AND status IN ('SCHEDULED', 'POSTPONED')
        GROUP BY venue_space_id`,
      [spaceIds, size, now],
    );
    return rows.map((r) => ({ spaceId: r.venue_space_id, eventIds: r.event_ids }));
  }

  async seriesOf(
    ids: readonly string[],
  ): Promise<
    Array<{ id: string; frequency: SeriesFrequency; interval: number; eventIds: string[] }>
  > {
    const rows: Array<{
      id: string;
      frequency: SeriesFrequency;
      interval: number;
      event_ids: string[] | null;
    }> = await this.db.query(
      `SELECT s.id, s.frequency, s."interval",
              (SELECT array_agg(e.id ORDER BY e.starts_at, e.id) FROM events.event e WHERE e.series_id = s.id) AS event_ids
         FROM events.event_series s WHERE s.id = ANY($1)`,
      [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      frequency: r.frequency,
      interval: r.interval,
      eventIds: r.event_ids ?? [],
    }));
  }
}
