import type { EventsData } from '../events.repositories';
import { BadUserInputError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import { fromHelsinkiLocal } from '../../core/time';
import type { Event } from '../event/event.entity';
import { seesDrafts } from '../event/event.service';
import type { Milestone } from '../milestone/milestone.entity';
import type { Calendar } from './calendar.entity';

/** The cooperation year at a glance; this subgraph's share is the events and milestones. */
export class CalendarService {
  constructor(
    private readonly data: EventsData,
    private readonly identity: Identity,
  ) {}

  calendar(year: number, serviceAreaId: string | null | undefined): Calendar {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      throw BadUserInputError.single('year', 'RANGE', 'must be a year from 2000 to 2100');
    }
    return {
      year,
      serviceAreaId: serviceAreaId ? requireUuid('serviceAreaId', serviceAreaId) : null,
    };
  }

  /** Events overlapping the year in Helsinki time: New Year's Eve events belong to both years. */
  events(calendar: Calendar): Promise<Event[]> {
    return this.data.repositories.calendar.events(
      fromHelsinkiLocal(`${calendar.year}-01-01T00:00`),
      fromHelsinkiLocal(`${calendar.year + 1}-01-01T00:00`),
      calendar.serviceAreaId,
      seesDrafts(this.identity),
    );
  }

  milestones(calendar: Calendar): Promise<Milestone[]> {
    return this.data.repositories.calendar.milestones(calendar.year, calendar.serviceAreaId);
  }
}
