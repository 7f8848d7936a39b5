import type { FacilitiesData } from '../facilities.repositories';
import type { ConnectionResult } from '../../core/connection';
import { NotFoundError } from '../../core/errors';
import { requireUuid } from '../../core/ids';
import { Validator } from '../../core/validation';
import type { FacilitiesLoaders } from '../facilities.loaders';
import { helsinkiDate } from '../space/availability';
import type { Space } from '../space/space.entity';
import type { Facility } from './facility.entity';
import type { FacilitiesArgs } from './facility.inputs';
import type { OpeningException, OpeningPeriod } from './facility.types';

/** The rules of reading facilities. */
export class FacilityService {
  constructor(
    private readonly data: FacilitiesData,
    private readonly loaders: FacilitiesLoaders,
  ) {}

  facility(id: string): Promise<Facility | null> {
    return this.loaders.facility.load(requireUuid('id', id));
  }

  async facilityOf(space: Pick<Space, 'facilityId'>): Promise<Facility> {
    const facility = await this.loaders.facility.load(space.facilityId);
    if (!facility) throw new NotFoundError('Facility', space.facilityId);
    return facility;
  }

  spacesOf(facility: Facility): Promise<Space[]> {
    return this.loaders.spacesOfFacility.load(facility.id);
  }

  ofServiceArea(serviceAreaId: string): Promise<Facility[]> {
    return this.loaders.facilitiesOfServiceArea.load(serviceAreaId);
  }

  async openingHours(facility: Facility): Promise<OpeningPeriod[]> {
    return (await this.loaders.openingHoursOfFacility.load(facility.id)).map((h) => ({
      weekday: h.weekday,
      opens: h.opens,
      closes: h.closes,
    }));
  }

  /** Exceptions from today (Helsinki) on: past holidays are of no use to anyone planning. */
  async upcomingExceptions(facility: Facility, now = new Date()): Promise<OpeningException[]> {
    const today = helsinkiDate(now);
    return (await this.loaders.openingExceptionsOfFacility.load(facility.id))
      .filter((e) => e.date >= today)
      .map((e) => ({ ...e, closed: e.opens === null }));
  }

  facilities(args: FacilitiesArgs): Promise<ConnectionResult<Facility>> {
    const filter = args.filter ?? {};
    const v = new Validator();
    const serviceAreaIds = v.ids('filter.serviceAreaIds', filter.serviceAreaIds);
    const municipalityCodes = filter.municipalityCodes?.map(
      (code, i) => v.municipalityCode(`filter.municipalityCodes[${i}]`, code) ?? '',
    );
    v.throwIfInvalid();
    return this.data.repositories.facilities.facilities(
      { ...filter, serviceAreaIds, municipalityCodes },
      args,
    );
  }
}
