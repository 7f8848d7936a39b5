import type { DataSource } from 'typeorm';
import {
  type ConnectionResult,
  type KeysetOrder,
  type PageArgs,
  paginate,
} from '../../core/connection';
import { Space } from '../space/space.entity';
import { Facility } from './facility.entity';
import type { FacilityFilter, SpaceFilter } from './facility.inputs';

const FACILITY_BY_NAME: KeysetOrder<Facility> = {
  name: 'NAME',
  direction: 'ASC',
  keys: [
    { sql: 'f.name_sort', value: (f) => f.name.fi ?? '' },
    { sql: 'f.id', value: (f) => f.id },
  ],
};

const SPACE_BY_NAME: KeysetOrder<Space> = {
  name: 'NAME',
  direction: 'ASC',
  keys: [
    { sql: 's.name_sort', value: (s) => s.name.fi ?? '' },
    { sql: 's.id', value: (s) => s.id },
  ],
};

/** All SQL about facilities and spaces. */
export class FacilityRepository {
  constructor(private readonly db: DataSource) {}

  facilitiesByIds(ids: readonly string[]): Promise<Facility[]> {
    return this.db
      .getRepository(Facility)
      .createQueryBuilder('f')
      .where('f.id = ANY(:ids)', { ids })
      .getMany();
  }

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

  facilities(filter: FacilityFilter, args: PageArgs): Promise<ConnectionResult<Facility>> {
    const q = this.db.getRepository(Facility).createQueryBuilder('f').where('TRUE');
    if (filter.municipalityCodes?.length)
      q.andWhere('f.municipality_code = ANY(:codes)', { codes: filter.municipalityCodes });
    if (filter.serviceAreaIds?.length)
      q.andWhere('f.service_area_id = ANY(:areas)', { areas: filter.serviceAreaIds });
    return paginate(q, FACILITY_BY_NAME, args);
  }

  spaces(filter: SpaceFilter, args: PageArgs): Promise<ConnectionResult<Space>> {
    const q = this.db.getRepository(Space).createQueryBuilder('s').where('TRUE');
    if (filter.facilityIds?.length)
      q.andWhere('s.facility_id = ANY(:facilities)', { facilities: filter.facilityIds });
    if (filter.types?.length) q.andWhere('s.type = ANY(:types)', { types: filter.types });
    if (filter.minCapacity != null) q.andWhere('s.capacity >= :min', { min: filter.minCapacity });
    if (filter.accessible != null)
      q.andWhere('s.accessible = :accessible', { accessible: filter.accessible });
    if (filter.municipalityCodes?.length) {
      q.andWhere(
        'EXISTS (SELECT 1 FROM facilities.facility f WHERE f.id = s.facility_id AND f.municipality_code = ANY(:codes))',
        { codes: filter.municipalityCodes },
      );
    }
    return paginate(q, SPACE_BY_NAME, args);
  }
}
