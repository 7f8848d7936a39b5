import type { Connection } from '../../core/data';
import { GrantProgram } from './program.entity';
import type { GrantProgramFilter } from './program.inputs';

/** All SQL about grant programs. */
export class GrantProgramRepository {
  constructor(private readonly db: Connection) {}

  programsByIds(ids: readonly string[]): Promise<GrantProgram[]> {
    return this.db
      .getRepository(GrantProgram)
      .createQueryBuilder('p')
      .where('p.id = ANY(:ids)', { ids })
      .getMany();
  }

  ofServiceAreas(serviceAreaIds: readonly string[]): Promise<GrantProgram[]> {
    return this.db
      .getRepository(GrantProgram)
      .createQueryBuilder('p')
      .where('p.service_area_id = ANY(:ids)', { ids: serviceAreaIds })
      .orderBy('p.name_sort')
      .addOrderBy('p.id')
      .getMany();
  }

  /** A city has tens of programs, not thousands: a plain list in Finnish name order. */
  list(filter: GrantProgramFilter): Promise<GrantProgram[]> {
    const q = this.db.getRepository(GrantProgram).createQueryBuilder('p').where('TRUE');
    if (filter.kinds?.length) q.andWhere('p.kind = ANY(:kinds)', { kinds: filter.kinds });
    if (filter.serviceAreaIds?.length)
      q.andWhere('p.service_area_id = ANY(:areas)', { areas: filter.serviceAreaIds });
    return q.orderBy('p.name_sort').addOrderBy('p.id').getMany();
  }
}
