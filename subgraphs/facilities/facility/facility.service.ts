import type { DataSource } from 'typeorm';
import type { ConnectionResult } from '../../core/connection';
import { BadUserInputError, NotFoundError } from '../../core/errors';
import { requireUuid, requireUuids } from '../../core/ids';
import type { Space } from '../space/space.entity';
import type { Facility } from './facility.entity';
import type { FacilitiesArgs, SpacesArgs } from './facility.inputs';
import type { FacilityLoaders } from './facility.loaders';
import { FacilityRepository } from './facility.repository';

/** The rules of reading facilities and spaces. */
export class FacilityService {
  private readonly repository: FacilityRepository;

  constructor(
    db: DataSource,
    private readonly loaders: FacilityLoaders,
  ) {
    this.repository = new FacilityRepository(db);
  }

  facility(id: string): Promise<Facility | null> {
    return this.loaders.facility.load(requireUuid('id', id));
  }

  space(id: string): Promise<Space | null> {
    return this.loaders.space.load(requireUuid('id', id));
  }

  async facilityOf(space: Space): Promise<Facility> {
    const facility = await this.loaders.facility.load(space.facilityId);
    if (!facility) throw new NotFoundError('Facility', space.facilityId);
    return facility;
  }

  spacesOf(facility: Facility): Promise<Space[]> {
    return this.loaders.spacesOfFacility.load(facility.id);
  }

  facilities(args: FacilitiesArgs): Promise<ConnectionResult<Facility>> {
    const filter = args.filter ?? {};
    return this.repository.facilities(
      { ...filter, serviceAreaIds: requireUuids('filter.serviceAreaIds', filter.serviceAreaIds) },
      args,
    );
  }

  spaces(args: SpacesArgs): Promise<ConnectionResult<Space>> {
    const filter = args.filter ?? {};
    if (filter.minCapacity != null && filter.minCapacity < 1) {
      throw BadUserInputError.single('filter.minCapacity', 'MIN', 'must be at least 1');
    }
    return this.repository.spaces(
      { ...filter, facilityIds: requireUuids('filter.facilityIds', filter.facilityIds) },
      args,
    );
  }
}
