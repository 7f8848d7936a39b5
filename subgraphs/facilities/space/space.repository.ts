import type { Connection } from '../../core/data';
import {
  type ConnectionResult,
  type KeysetOrder,
  type PageArgs,
  paginate,
} from '../../core/connection';
import { Space } from './space.entity';
import type { SpaceType } from './space.enums';

const SPACE_BY_NAME: KeysetOrder<Space> = {
  name: 'NAME',
  direction: 'ASC',
  keys: [
    { sql: 's.name_sort', type: 'text', value: (s) => s.name.fi ?? '' },
    { sql: 's.id', type: 'uuid', value: (s) => s.id },
  ],
};

/** "Free between" as the SQL needs it: the range, and its Helsinki date and wall-clock times. */
export interface FreeBetween {
  from: Date;
  to: Date;
  localDate: string;
  weekday: number;
  localStart: string;
  /** "24:00" when the range ends at midnight. */
  localEnd: string;
}

export interface SpaceQuery {
  facilityIds?: string[];
  municipalityCodes?: string[];
  serviceAreaIds?: string[];
  types?: SpaceType[] | null;
  minCapacity?: number | null;
  accessible?: boolean | null;
  freeForAssociations?: boolean | null;
  equipment?: string[];
  freeBetween?: FreeBetween;
}

/** All SQL about spaces. */
export class SpaceRepository {
  constructor(private readonly db: Connection) {}

  spacesByIds(ids: readonly string[]): Promise<Space[]> {
    return this.db
      .getRepository(Space)
      .createQueryBuilder('s')
      .where('s.id = ANY(:ids)', { ids })
      .getMany();
  }

  spacesOfFacilities(facilityIds: readonly string[]): Promise<Space[]> {
    return this.db
      .getRepository(Space)
      .createQueryBuilder('s')
      .where('s.facility_id = ANY(:ids)', { ids: facilityIds })
      .orderBy('s.name_sort')
      .addOrderBy('s.id')
      .getMany();
  }

  partsOf(spaceIds: readonly string[]): Promise<Space[]> {
    return this.db
      .getRepository(Space)
      .createQueryBuilder('s')
      .where('s.parent_space_id = ANY(:ids)', { ids: spaceIds })
      .orderBy('s.name_sort')
      .addOrderBy('s.id')
      .getMany();
  }

  /**
   * One statement whatever the filter: "free between" is two anti-joins through the unit
   * map on the GiST indexes of claims and blocked times, and one opening-hours check.
   */
  spaces(filter: SpaceQuery, args: PageArgs): Promise<ConnectionResult<Space>> {
    const q = this.db.getRepository(Space).createQueryBuilder('s').where('TRUE');
    if (filter.facilityIds?.length)
      q.andWhere('s.facility_id = ANY(:facilities)', { facilities: filter.facilityIds });
    if (filter.types?.length) q.andWhere('s.type = ANY(:types)', { types: filter.types });
    if (filter.minCapacity != null) q.andWhere('s.capacity >= :min', { min: filter.minCapacity });
    if (filter.accessible != null)
      q.andWhere('s.accessible = :accessible', { accessible: filter.accessible });
    if (filter.freeForAssociations != null)
      q.andWhere('s.is_free = :isFree', { isFree: filter.freeForAssociations });
    if (filter.equipment?.length)
      q.andWhere('s.equipment @> :equipment::text[]', { equipment: filter.equipment });
    if (filter.municipalityCodes?.length || filter.serviceAreaIds?.length) {
      q.andWhere(
        `s.facility_id IN (SELECT f.id FROM facilities.facility f WHERE
           (:noCodes OR f.municipality_code = ANY(:codes)) AND (:noAreas OR f.service_area_id = ANY(:areas)))`,
        {
          noCodes: !filter.municipalityCodes?.length,
          codes: filter.municipalityCodes ?? [],
          noAreas: !filter.serviceAreaIds?.length,
          areas: filter.serviceAreaIds ?? [],
        },
      );
    }
    const free = filter.freeBetween;
    if (free) {
      q.andWhere(
        `NOT EXISTS (SELECT 1 FROM facilities.space_unit su
                       JOIN facilities.reservation_claim c ON c.unit_id = su.unit_id
                      WHERE su.space_id = s.id AND c.during && tstzrange(:freeFrom, :freeTo))
         AND NOT EXISTS (SELECT 1 FROM facilities.space_unit su
                           JOIN facilities.space_unit bu ON bu.unit_id = su.unit_id
                           JOIN facilities.blocked_time b ON b.space_id = bu.space_id
                          WHERE su.space_id = s.id AND b.during && tstzrange(:freeFrom, :freeTo))
         AND CASE WHEN EXISTS (SELECT 1 FROM facilities.opening_exception e
                                WHERE e.facility_id = s.facility_id AND e.date = :localDate::date)
              THEN EXISTS (SELECT 1 FROM facilities.opening_exception e
                            WHERE e.facility_id = s.facility_id AND e.date = :localDate::date
                              AND e.opens <= :localStart::time AND e.closes >= :localEnd::time)
              ELSE EXISTS (SELECT 1 FROM facilities.opening_hours h
                            WHERE h.facility_id = s.facility_id AND h.weekday = :weekday
                              AND h.opens <= :localStart::time AND h.closes >= :localEnd::time)
              END`,
        {
          freeFrom: free.from,
          freeTo: free.to,
          localDate: free.localDate,
          weekday: free.weekday,
          localStart: free.localStart,
          localEnd: free.localEnd,
        },
      );
    }
    return paginate(q, SPACE_BY_NAME, args);
  }
}
