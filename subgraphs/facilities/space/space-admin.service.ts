import { expectedVersionOf } from '../../core/versioning';
import type { FacilitiesData } from '../facilities.repositories';
import { PgErrorCode, pgErrorCode } from '../../core/database';
import { BadUserInputError, ConflictError, NotFoundError } from '../../core/errors';
import { requireUuid } from '../../core/ids';
import type { LocalizedText } from '../../core/types/localized-text.type';
import { givenOnly, Validator } from '../../core/validation';
import type { FacilitiesLoaders } from '../facilities.loaders';
import { BookingBridge } from '../booking/booking-bridge';
import type { FacilityAdminService } from '../facility/facility-admin.service';
import type { Facility } from '../facility/facility.entity';
import type { Reservation } from '../reservation/reservation.entity';
import type { BlockedTime } from './blocked-time.entity';
import type { Space } from './space.entity';
import { BookingSystemKind } from './space.enums';
import type {
  BlockSpaceTimeInput,
  CreateSpaceInput,
  SpaceFields,
  UpdateSpaceInput,
} from './space-admin.inputs';
import { type SpaceValues } from './space-admin.repository';
import type { SpaceBlock } from './space-admin.types';

const DAY_MINUTES = 1440;

/**
 * Keeping spaces up to date, by staff of the service area that owns the building: their
 * details, prices and booking rules, their booking-system link, and blocks for
 * maintenance. Rules that span fields (a price unless free, an external id unless LOCAL,
 * durations on the slot grid) are checked on the values as they will be after the change.
 */
export class SpaceAdminService {
  constructor(
    private readonly data: FacilitiesData,
    private readonly loaders: FacilitiesLoaders,
    private readonly facilities: FacilityAdminService,
    private readonly bridge: BookingBridge = BookingBridge.none(),
  ) {}

  async create(input: CreateSpaceInput): Promise<Space> {
    const facility = await this.facility(requireUuid('input.facilityId', input.facilityId));
    this.facilities.requireManager(facility, 'adding spaces');
    const v = new Validator();
    const name = v.localized('input.name', input.name, { max: 200, required: true });
    const parentSpaceId = input.parentSpaceId
      ? v.ids('input.parentSpaceId', [input.parentSpaceId])?.[0]
      : null;
    const values = this.checkFields(v, input, undefined);
    v.throwIfInvalid();
    await this.checkLink(values, undefined);
    if (parentSpaceId) {
      const parent = await this.loaders.space.load(parentSpaceId);
      if (!parent || parent.facilityId !== facility.id) {
        v.problem('input.parentSpaceId', 'SAME_FACILITY', 'must be a space in the same facility');
        v.throwIfInvalid();
      }
    }
    const id = await this.data.repositories.spaceAdmin.insert({
      ...values,
      facilityId: facility.id,
      parentSpaceId,
      name: name!,
      type: input.type,
    });
    return this.fresh(id);
  }

  async update(input: UpdateSpaceInput): Promise<Space> {
    const space = await this.existing(requireUuid('input.id', input.id));
    this.facilities.requireManager(await this.facility(space.facilityId), 'changing spaces');
    const v = new Validator();
    for (const field of ['name', 'type'] as const) {
      if (input[field] === null) v.problem(`input.${field}`, 'REQUIRED', 'cannot be cleared');
    }
    const values: SpaceValues = {
      ...this.checkFields(v, input, space),
      ...givenOnly({
        name: input.name
          ? v.localized('input.name', input.name, { max: 200, required: true })!
          : undefined,
        type: input.type ?? undefined,
      }),
    };
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    await this.checkLink(values, space);
    try {
      await this.data.edit(
        { table: 'facilities.space', entity: 'Space', id: space.id, expected },
        (r) => r.spaceAdmin.update(space.id, values),
      );
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) {
        throw new ConflictError(
          `input.externalId: another space is already linked to ${values.externalId}`,
          {
            field: 'input.externalId',
          },
        );
      }
      throw error;
    }
    return this.fresh(space.id);
  }

  async block(input: BlockSpaceTimeInput): Promise<SpaceBlock> {
    const space = await this.existing(requireUuid('input.spaceId', input.spaceId));
    this.facilities.requireManager(await this.facility(space.facilityId), 'blocking a space');
    const v = new Validator();
    const reason = v.text('input.reason', input.reason, { max: 500, required: true });
    if (input.endsAt <= input.startsAt)
      v.problem('input.endsAt', 'AFTER_START', 'must be later than input.startsAt');
    v.throwIfInvalid();
    const id = await this.data.repositories.spaceAdmin.block(
      space.id,
      input.startsAt,
      input.endsAt,
      reason!,
    );
    const block = await this.data.repositories.spaceAdmin.blockEntity(id);
    const reservationIds = await this.data.repositories.spaceAdmin.activeReservationIdsOverlapping(
      space.id,
      input.startsAt,
      input.endsAt,
    );
    const reservations = await this.loaders.reservation.loadMany(reservationIds);
    return {
      block,
      overlappingReservations: reservations.filter(
        (r): r is Reservation => r !== null && !(r instanceof Error),
      ),
    };
  }

  async unblock(idArg: string): Promise<BlockedTime> {
    const id = requireUuid('id', idArg);
    const found = await this.data.repositories.spaceAdmin.blockById(id);
    if (!found) throw new NotFoundError('BlockedTime', id);
    const space = await this.existing(found.spaceId);
    this.facilities.requireManager(await this.facility(space.facilityId), 'removing a block');
    const block = await this.data.repositories.spaceAdmin.blockEntity(id);
    if (found.source !== 'STAFF' || !(await this.data.repositories.spaceAdmin.unblock(id))) {
      const v = new Validator();
      v.problem(
        'id',
        'FROM_BOOKING_SYSTEM',
        `this busy time comes from ${found.source}; change it there`,
      );
      v.throwIfInvalid();
    }
    return block;
  }

  /** Checks the fields given, and the rules between fields on the space as it will be. */
  private checkFields(v: Validator, input: SpaceFields, current: Space | undefined): SpaceValues {
    const equipment = input.equipment?.map((e, i) => {
      const keyword = e.trim().toLowerCase();
      if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(keyword)) {
        v.problem(
          `input.equipment[${i}]`,
          'KEYWORD',
          'must be a lower-case keyword like "sound-system"',
        );
      }
      return keyword;
    });
    if (equipment && equipment.length > 30)
      v.problem('input.equipment', 'MAX_ITEMS', 'must list at most 30 items');
    if (
      input.areaSquareMetres != null &&
      !(input.areaSquareMetres > 0 && input.areaSquareMetres < 100_000)
    ) {
      v.problem('input.areaSquareMetres', 'RANGE', 'must be more than 0 and less than 100,000');
    }
    const values: SpaceValues = givenOnly({
      description: v.localized('input.description', input.description, { max: 5000 }) as
        LocalizedText | null | undefined,
      capacity: v.int('input.capacity', input.capacity, { min: 1, max: 100_000 }),
      areaSquareMetres: input.areaSquareMetres,
      equipment: input.equipment === null ? [] : equipment ? [...new Set(equipment)] : undefined,
      accessible: input.accessible ?? undefined,
      isFree: input.isFree ?? undefined,
      hourlyRate: input.hourlyRate,
      listHourlyRate: input.listHourlyRate,
      pricingNotes: v.localized('input.pricingNotes', input.pricingNotes, { max: 1000 }) as
        LocalizedText | null | undefined,
      slotMinutes: v.int('input.slotMinutes', input.slotMinutes, { min: 5, max: 240 }) ?? undefined,
      minDurationMinutes:
        v.int('input.minDurationMinutes', input.minDurationMinutes, { min: 5, max: DAY_MINUTES }) ??
        undefined,
      maxDurationMinutes:
        v.int('input.maxDurationMinutes', input.maxDurationMinutes, {
          min: 5,
          max: 14 * DAY_MINUTES,
        }) ?? undefined,
      minLeadHours:
        v.int('input.minLeadHours', input.minLeadHours, { min: 0, max: 8760 }) ?? undefined,
      maxAdvanceDays:
        v.int('input.maxAdvanceDays', input.maxAdvanceDays, { min: 1, max: 730 }) ?? undefined,
      bookingSystem: input.bookingSystem ?? undefined,
      externalId: v.text('input.externalId', input.externalId, { max: 2048 }),
    });
    // The space as it will be, for the rules between fields.
    const after = {
      isFree: values.isFree ?? current?.isFree ?? true,
      hourlyRate:
        values.hourlyRate !== undefined ? values.hourlyRate : (current?.hourlyRate ?? null),
      slot: values.slotMinutes ?? current?.slotMinutes ?? 30,
      min: values.minDurationMinutes ?? current?.minDurationMinutes ?? 60,
      max: values.maxDurationMinutes ?? current?.maxDurationMinutes ?? 240,
      system: values.bookingSystem ?? current?.bookingSystem ?? BookingSystemKind.LOCAL,
      externalId:
        values.externalId !== undefined ? values.externalId : (current?.externalId ?? null),
    };
    if (!after.isFree && after.hourlyRate === null) {
      v.problem('input.hourlyRate', 'REQUIRED', 'a space that is not free needs an hourly rate');
    }
    if (after.hourlyRate !== null && after.hourlyRate.startsWith('-')) {
      v.problem('input.hourlyRate', 'MIN', 'must not be negative');
    }
    if (input.listHourlyRate?.startsWith('-')) {
      v.problem('input.listHourlyRate', 'MIN', 'must not be negative');
    }
    if (DAY_MINUTES % after.slot !== 0)
      v.problem('input.slotMinutes', 'DIVIDES_DAY', 'must divide a day (e.g. 15, 30, 60)');
    if (after.min > after.max)
      v.problem(
        'input.maxDurationMinutes',
        'AT_LEAST_MIN',
        'must be at least the shortest duration',
      );
    for (const [field, minutes] of [
      ['input.minDurationMinutes', after.min],
      ['input.maxDurationMinutes', after.max],
    ] as const) {
      if (minutes % after.slot !== 0)
        v.problem(field, 'SLOT_GRID', `must be whole slots of ${after.slot} minutes`);
    }
    if (after.system !== BookingSystemKind.LOCAL && !after.externalId) {
      v.problem(
        'input.externalId',
        'REQUIRED',
        `a space linked to ${after.system} needs its id there`,
      );
    }
    if (after.system === BookingSystemKind.ICS && after.externalId)
      v.url('input.externalId', after.externalId);
    if (after.system === BookingSystemKind.LOCAL && values.bookingSystem) values.externalId = null;
    return values;
  }

  /**
   * A link to an external id the hub will fetch (an ICS feed URL) is judged by the outbound
   * policy when staff make it, naming the reason, instead of failing quietly at each sync.
   */
  private async checkLink(values: SpaceValues, current: Space | undefined): Promise<void> {
    if (values.externalId === undefined && values.bookingSystem === undefined) return;
    const system = values.bookingSystem ?? current?.bookingSystem ?? BookingSystemKind.LOCAL;
    const externalId =
      values.externalId !== undefined ? values.externalId : (current?.externalId ?? null);
    if (system === BookingSystemKind.LOCAL || !externalId) return;
    const problem = await this.bridge.externalIdProblem(system, externalId);
    if (problem) {
      throw BadUserInputError.single(
        'input.externalId',
        'OUTBOUND_POLICY',
        `the hub may not fetch this feed: ${problem}`,
      );
    }
  }

  private async facility(id: string): Promise<Facility> {
    const facility = await this.loaders.facility.load(id);
    if (!facility) throw new NotFoundError('Facility', id);
    return facility;
  }

  private async existing(id: string): Promise<Space> {
    const space = await this.loaders.space.load(id);
    if (!space) throw new NotFoundError('Space', id);
    return space;
  }

  private async fresh(id: string): Promise<Space> {
    this.loaders.space.clear(id);
    return this.existing(id);
  }
}
