import type { Connection } from '../../core/data';
import {
  type ConnectionResult,
  type KeysetOrder,
  type PageArgs,
  paginate,
} from '../../core/connection';
import { Facility } from './facility.entity';
import type { FacilityFilter } from './facility.inputs';
import type { OpeningExceptionRow, OpeningHoursRow } from './facility.types';

const FACILITY_BY_NAME: KeysetOrder<Facility> = {
  name: 'NAME',
  direction: 'ASC',
  keys: [
    { sql: 'f.name_sort', type: 'text', value: (f) => f.name.fi ?? '' },
    { sql: 'f.id', type: 'uuid', value: (f) => f.id },
  ],
};

/** All SQL about facilities and their opening hours. */
export class FacilityRepository {
  constructor(private readonly db: Connection) {}

  facilitiesByIds(ids: readonly string[]): Promise<Facility[]> {
    return this.db
      .getRepository(Facility)
      .createQueryBuilder('f')
      .where('f.id = ANY(:ids)', { ids })
      .getMany();
  }

  facilitiesOfServiceAreas(serviceAreaIds: readonly string[]): Promise<Facility[]> {
    return this.db
      .getRepository(Facility)
      .createQueryBuilder('f')
      .where('f.service_area_id = ANY(:ids)', { ids: serviceAreaIds })
      .orderBy('f.name_sort')
      .addOrderBy('f.id')
      .getMany();
  }

  async openingHoursOf(facilityIds: readonly string[]): Promise<OpeningHoursRow[]> {
    const rows: Array<{ facility_id: string; weekday: number; opens: string; closes: string }> =
      await this.db.query(
        `SELECT facility_id, weekday, to_char(opens, 'HH24:MI') AS opens,
                CASE WHEN closes = '24:00' THEN '24:00' ELSE to_char(closes, 'HH24:MI') END AS closes
           FROM facilities.opening_hours WHERE facility_id = ANY($1) ORDER BY weekday, opens`,
        [facilityIds],
      );
    return rows.map((r) => ({
      facilityId: r.facility_id,
      weekday: r.weekday,
      opens: r.opens,
      closes: r.closes,
    }));
  }

  /** Exceptions from a year back on: holidays and closures are few, so all of them. */
  async openingExceptionsOf(facilityIds: readonly string[]): Promise<OpeningExceptionRow[]> {
    const rows: Array<{
      facility_id: string;
      date: string;
      opens: string | null;
      closes: string | null;
      note: OpeningExceptionRow['note'];
    }> = await this.db.query(
      `SELECT facility_id, to_char(date, 'YYYY-MM-DD') AS date, to_char(opens, 'HH24:MI') AS opens,
              CASE WHEN closes = '24:00' THEN '24:00' ELSE to_char(closes, 'HH24:MI') END AS closes, note
         FROM facilities.opening_exception
        WHERE facility_id = ANY($1) AND date >= current_date - 366
        ORDER BY date`,
      [facilityIds],
    );
    return rows.map((r) => ({
      facilityId: r.facility_id,
      date: r.date,
      opens: r.opens,
      closes: r.closes,
      note: r.note,
    }));
  }

  facilities(filter: FacilityFilter, args: PageArgs): Promise<ConnectionResult<Facility>> {
    const q = this.db.getRepository(Facility).createQueryBuilder('f').where('TRUE');
    if (filter.municipalityCodes?.length)
      q.andWhere('f.municipality_code = ANY(:codes)', { codes: filter.municipalityCodes });
    if (filter.serviceAreaIds?.length)
      q.andWhere('f.service_area_id = ANY(:areas)', { areas: filter.serviceAreaIds });
    if (filter.kinds?.length) q.andWhere('f.kind = ANY(:kinds)', { kinds: filter.kinds });
    return paginate(q, FACILITY_BY_NAME, args);
  }
}
