import type { FacilitiesData } from '../facilities.repositories';
import type { ConnectionResult } from '../../core/connection';
import { BadUserInputError } from '../../core/errors';
import { requireUuid } from '../../core/ids';
import { euros } from '../../core/types/money.type';
import { Validator } from '../../core/validation';
import type { BookingBridge } from '../booking/booking-bridge';
import type { FacilitiesLoaders } from '../facilities.loaders';
import { addDays, freeSlots, helsinkiDate, helsinkiMinuteOfDay, isoWeekday } from './availability';
import type { Space } from './space.entity';
import type { AvailabilityArgs, SpacesArgs, TimeRangeInput } from './space.inputs';
import type { FreeBetween } from './space.repository';
import type { BookingRules, BookingSystemLink, SpacePricing, TimeSlot } from './space.types';

/** The longest range one availability call covers: a month view. */
export const MAX_AVAILABILITY_DAYS = 31;

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The rules of reading spaces and when they are free. */
export class SpaceService {
  constructor(
    private readonly data: FacilitiesData,
    private readonly loaders: FacilitiesLoaders,
    private readonly bridge: BookingBridge,
  ) {}

  space(id: string): Promise<Space | null> {
    return this.loaders.space.load(requireUuid('id', id));
  }

  async parentOf(space: Space): Promise<Space | null> {
    return space.parentSpaceId ? this.loaders.space.load(space.parentSpaceId) : null;
  }

  partsOf(space: Space): Promise<Space[]> {
    return this.loaders.partsOfSpace.load(space.id);
  }

  pricing(space: Space): SpacePricing {
    return {
      isFree: space.isFree,
      hourlyRate: space.isFree ? null : euros(space.hourlyRate),
      listHourlyRate: euros(space.listHourlyRate),
      notes: space.pricingNotes,
    };
  }

  bookingRules(space: Space): BookingRules {
    return {
      slotMinutes: space.slotMinutes,
      minDurationMinutes: space.minDurationMinutes,
      maxDurationMinutes: space.maxDurationMinutes,
      minLeadHours: space.minLeadHours,
      maxAdvanceDays: space.maxAdvanceDays,
    };
  }

  bookingSystem(space: Space): BookingSystemLink {
    return {
      kind: space.bookingSystem,
      externalId: space.externalId,
      lastSyncedAt: space.lastSyncedAt,
      stale: this.bridge.isStale(space),
    };
  }

  /** Free slots: the facility's opening hours minus every busy time of the space. */
  async availability(space: Space, args: AvailabilityArgs): Promise<TimeSlot[]> {
    const { from, to } = args;
    if (to <= from) throw BadUserInputError.single('to', 'AFTER_FROM', 'must be later than from');
    if (to.getTime() - from.getTime() > MAX_AVAILABILITY_DAYS * 86_400_000) {
      throw BadUserInputError.single(
        'to',
        'MAX_RANGE',
        `must be at most ${MAX_AVAILABILITY_DAYS} days after from; ask for a month at a time`,
      );
    }
    const [hours, exceptions, busy] = await Promise.all([
      this.loaders.openingHoursOfFacility.load(space.facilityId),
      this.loaders.openingExceptionsOfFacility.load(space.facilityId),
      this.loaders.busyOfSpace(from, to).load(space.id),
    ]);
    return freeSlots(from, to, hours, exceptions, busy).map((i) => ({
      startsAt: new Date(i.start),
      endsAt: new Date(i.end),
    }));
  }

  spaces(args: SpacesArgs): Promise<ConnectionResult<Space>> {
    const filter = args.filter ?? {};
    const v = new Validator();
    const facilityIds = v.ids('filter.facilityIds', filter.facilityIds);
    const serviceAreaIds = v.ids('filter.serviceAreaIds', filter.serviceAreaIds);
    const municipalityCodes = filter.municipalityCodes?.map(
      (code, i) => v.municipalityCode(`filter.municipalityCodes[${i}]`, code) ?? '',
    );
    v.int('filter.minCapacity', filter.minCapacity, { min: 1, max: 100_000 });
    const equipment = filter.equipment?.map((e) => e.trim().toLowerCase()).filter(Boolean);
    if (equipment && equipment.length > 20) {
      v.problem('filter.equipment', 'MAX_ITEMS', 'must list at most 20 items');
    }
    const freeBetween = filter.freeBetween
      ? this.freeBetween(v, 'filter.freeBetween', filter.freeBetween)
      : undefined;
    v.throwIfInvalid();
    return this.data.repositories.spaces.spaces(
      { ...filter, facilityIds, serviceAreaIds, municipalityCodes, equipment, freeBetween },
      args,
    );
  }

  /**
   * "Free between" is asked of one evening or one day: the range must lie within one
   * Helsinki day (ending at midnight at the latest), so opening hours can be checked in SQL.
   */
  private freeBetween(v: Validator, field: string, range: TimeRangeInput): FreeBetween | undefined {
    const { from, to } = range;
    if (to <= from) {
      v.problem(`${field}.to`, 'AFTER_FROM', `must be later than ${field}.from`);
      return undefined;
    }
    const localDate = helsinkiDate(from);
    const endMinute = helsinkiMinuteOfDay(to);
    const endsAtMidnight = endMinute === 0 && helsinkiDate(to) === addDays(localDate, 1);
    if (helsinkiDate(to) !== localDate && !endsAtMidnight) {
      v.problem(`${field}.to`, 'SAME_DAY', 'must be on the same day (Helsinki time) as from');
      return undefined;
    }
    return {
      from,
      to,
      localDate,
      weekday: isoWeekday(localDate),
      localStart: clock(helsinkiMinuteOfDay(from)),
      localEnd: endsAtMidnight ? '24:00' : clock(endMinute),
    };
  }
}
