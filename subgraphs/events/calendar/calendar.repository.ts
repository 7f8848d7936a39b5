import type { Connection } from '../../core/data';
import { Event } from '../event/event.entity';
import { Milestone } from '../milestone/milestone.entity';

/**
 * A calendar's share from this subgraph, one statement each whatever the year holds: the
 * events overlapping the year (of an area, and the city-wide ones with no area) and the
 * milestones.
 */
export class CalendarRepository {
  constructor(private readonly db: Connection) {}

  events(
    from: Date,
    to: Date,
    serviceAreaId: string | null,
    includeDrafts: boolean,
  ): Promise<Event[]> {
    const q = this.db
      .getRepository(Event)
      .createQueryBuilder('e')
      .where('e.ends_at > :from AND e.starts_at < :to', { from, to });
    if (!includeDrafts) q.andWhere(`e.status <> 'DRAFT'`);
    if (serviceAreaId) {
      q.andWhere(
        `(EXISTS (SELECT 1 FROM events.event_service_area a WHERE a.event_id = e.id AND a.service_area_id = :area)
          OR NOT EXISTS (SELECT 1 FROM events.event_service_area a WHERE a.event_id = e.id))`,
        { area: serviceAreaId },
      );
    }
    return q.orderBy('e.starts_at').addOrderBy('e.id').getMany();
  }

  milestones(year: number, serviceAreaId: string | null): Promise<Milestone[]> {
    const q = this.db
      .getRepository(Milestone)
      .createQueryBuilder('m')
      .where('m.starts_on <= make_date(:year, 12, 31) AND m.ends_on >= make_date(:year, 1, 1)', {
        year,
      });
    if (serviceAreaId)
      q.andWhere('(m.service_area_id = :area OR m.service_area_id IS NULL)', {
        area: serviceAreaId,
      });
    return q.orderBy('m.starts_on').addOrderBy('m.id').getMany();
  }
}
