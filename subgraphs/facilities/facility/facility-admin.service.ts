import { expectedVersionOf } from '../../core/versioning';
import type { FacilitiesData } from '../facilities.repositories';
import { isAdmin, requireThat, worksInServiceArea } from '../../core/authorization';
import { NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import type { LocalizedText } from '../../core/types/localized-text.type';
import { givenOnly, Validator } from '../../core/validation';
import type { FacilitiesLoaders } from '../facilities.loaders';
import type { Facility } from './facility.entity';
import type {
  CreateFacilityInput,
  FacilityFields,
  SetOpeningExceptionInput,
  SetOpeningHoursInput,
  UpdateFacilityInput,
} from './facility-admin.inputs';
import { type FacilityValues } from './facility-admin.repository';
import type { FacilityLink } from './facility.types';

/**
 * Keeping facilities up to date: staff of the service area that owns a building (or an
 * admin) change it, its opening hours and its exceptional days. Every input is checked
 * whole before anything is written.
 */
export class FacilityAdminService {
  constructor(
    private readonly data: FacilitiesData,
    private readonly loaders: FacilitiesLoaders,
    private readonly identity: Identity,
  ) {}

  /** Staff of the owning service area, or an admin: the people who answer for the building. */
  requireManager(facility: Pick<Facility, 'id' | 'serviceAreaId'>, action: string): void {
    requireThat(
      this.identity,
      isAdmin(this.identity) ||
        (facility.serviceAreaId !== null &&
          worksInServiceArea(this.identity, facility.serviceAreaId)),
      `${action} (staff of the service area that owns facility ${facility.id})`,
    );
  }

  async create(input: CreateFacilityInput): Promise<Facility> {
    const v = new Validator();
    const serviceAreaId = v.ids('input.serviceAreaId', [input.serviceAreaId])?.[0];
    const name = v.localized('input.name', input.name, { max: 200, required: true });
    const address = v.address('input.address', input.address);
    const municipalityCode = v.municipalityCode('input.municipalityCode', input.municipalityCode);
    if (!address) v.problem('input.address', 'REQUIRED', 'a facility needs an address');
    const fields = this.checkFields(v, input);
    v.throwIfInvalid();
    requireThat(
      this.identity,
      worksInServiceArea(this.identity, serviceAreaId!),
      `creating facilities for service area ${serviceAreaId} (its staff, or an admin)`,
    );
    const id = await this.data.repositories.facilityAdmin.insert({
      ...fields,
      name: name!,
      kind: input.kind,
      address: address!,
      municipalityCode: municipalityCode!,
      serviceAreaId: serviceAreaId!,
    });
    return this.fresh(id);
  }

  async update(input: UpdateFacilityInput): Promise<Facility> {
    const facility = await this.existing(requireUuid('input.id', input.id));
    this.requireManager(facility, 'changing a facility');
    const v = new Validator();
    for (const field of ['name', 'kind', 'address'] as const) {
      if (input[field] === null) v.problem(`input.${field}`, 'REQUIRED', 'cannot be cleared');
    }
    const values: FacilityValues = {
      ...this.checkFields(v, input),
      ...givenOnly({
        name: input.name
          ? v.localized('input.name', input.name, { max: 200, required: true })!
          : undefined,
        kind: input.kind ?? undefined,
        address: input.address
          ? (v.address('input.address', input.address) ?? undefined)
          : undefined,
      }),
    };
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    await this.data.edit(
      { table: 'facilities.facility', entity: 'Facility', id: facility.id, expected },
      (r) => r.facilityAdmin.update(facility.id, values),
    );
    return this.fresh(facility.id);
  }

  async setOpeningHours(input: SetOpeningHoursInput): Promise<Facility> {
    const facility = await this.existing(requireUuid('input.facilityId', input.facilityId));
    this.requireManager(facility, 'setting opening hours');
    const v = new Validator();
    if (input.periods.length > 50)
      v.problem('input.periods', 'MAX_ITEMS', 'must list at most 50 periods');
    const periods = input.periods.map((p, i) => {
      const field = `input.periods[${i}]`;
      v.int(`${field}.weekday`, p.weekday, { min: 1, max: 7 });
      const before = v.problems.length;
      const opens = v.clock(`${field}.opens`, p.opens)!;
      const closes = v.clock(`${field}.closes`, p.closes, { endOfDay: true })!;
      if (v.problems.length === before && closes <= opens) {
        v.problem(`${field}.closes`, 'AFTER_OPENS', 'must be later than opens');
      }
      return { weekday: p.weekday, opens, closes };
    });
    periods.forEach((p, i) => {
      const clash = periods.findIndex(
        (q, j) => j < i && q.weekday === p.weekday && q.opens < p.closes && p.opens < q.closes,
      );
      if (clash >= 0) {
        v.problem(
          `input.periods[${i}]`,
          'OVERLAP',
          `overlaps input.periods[${clash}] on the same weekday`,
        );
      }
    });
    v.throwIfInvalid();
    await this.data.transaction(({ facilityAdmin }) =>
      facilityAdmin.replaceHours(facility.id, periods),
    );
    this.loaders.openingHoursOfFacility.clear(facility.id);
    return this.fresh(facility.id);
  }

  async setOpeningException(input: SetOpeningExceptionInput): Promise<Facility> {
    const facility = await this.existing(requireUuid('input.facilityId', input.facilityId));
    this.requireManager(facility, 'setting exceptional opening hours');
    const v = new Validator();
    const date = v.date('input.date', input.date);
    const before = v.problems.length;
    const opens = v.clock('input.opens', input.opens) ?? null;
    const closes = v.clock('input.closes', input.closes, { endOfDay: true }) ?? null;
    if ((opens === null) !== (closes === null)) {
      v.problem(
        opens === null ? 'input.opens' : 'input.closes',
        'BOTH_OR_NEITHER',
        'give both times, or neither for a closed day',
      );
    } else if (v.problems.length === before && opens !== null && closes! <= opens) {
      v.problem('input.closes', 'AFTER_OPENS', 'must be later than input.opens');
    }
    const note = v.localized('input.note', input.note, { max: 200 }) ?? null;
    v.throwIfInvalid();
    await this.data.repositories.facilityAdmin.upsertException(facility.id, {
      date: date!,
      opens,
      closes,
      note,
    });
    this.loaders.openingExceptionsOfFacility.clear(facility.id);
    return this.fresh(facility.id);
  }

  async removeOpeningException(facilityIdArg: string, dateArg: string): Promise<Facility> {
    const facility = await this.existing(requireUuid('facilityId', facilityIdArg));
    this.requireManager(facility, 'removing exceptional opening hours');
    const v = new Validator();
    const date = v.date('date', dateArg);
    v.throwIfInvalid();
    if (!(await this.data.repositories.facilityAdmin.removeException(facility.id, date!))) {
      throw new NotFoundError('OpeningException', `${facility.id}/${date}`);
    }
    this.loaders.openingExceptionsOfFacility.clear(facility.id);
    return this.fresh(facility.id);
  }

  private checkFields(v: Validator, input: FacilityFields): FacilityValues {
    const links = input.links?.map((link, i): FacilityLink => ({
      url: v.url(`input.links[${i}].url`, link.url) ?? '',
      kind: link.kind,
      title: v.localized(`input.links[${i}].title`, link.title, { max: 200 }) ?? null,
    }));
    if (links && links.length > 30)
      v.problem('input.links', 'MAX_ITEMS', 'must list at most 30 links');
    return givenOnly({
      description: v.localized('input.description', input.description, { max: 5000 }) as
        LocalizedText | null | undefined,
      accessibility: v.localized('input.accessibility', input.accessibility, { max: 5000 }) as
        LocalizedText | null | undefined,
      links: input.links === null ? [] : links,
    });
  }

  private async existing(id: string): Promise<Facility> {
    const facility = await this.loaders.facility.load(id);
    if (!facility) throw new NotFoundError('Facility', id);
    return facility;
  }

  private async fresh(id: string): Promise<Facility> {
    this.loaders.facility.clear(id);
    return this.existing(id);
  }
}
