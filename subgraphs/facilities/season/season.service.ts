import type { FacilitiesData } from '../facilities.repositories';
import { type AssociationDirectory, requireAssociations } from '../../core/association-directory';
import {
  isCityStaff,
  representsAssociation,
  requireThat,
  worksInServiceArea,
} from '../../core/authorization';
import { BadUserInputError, ConflictError, NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import { fromHelsinkiLocal } from '../../core/time';
import { Validator } from '../../core/validation';
import type { FacilitiesLoaders } from '../facilities.loaders';
import type { Reservation } from '../reservation/reservation.entity';
import { ReservationStatus } from '../reservation/reservation.enums';
import { ReservationRepository } from '../reservation/reservation.repository';
import { addDays, insideOpeningHours, isoWeekday } from '../space/availability';
import type { BookingSeason, SeasonApplication } from './season.entity';
import { SeasonApplicationStatus, SeasonClashReason, SeasonWindow } from './season.enums';
import type {
  AllocateSeasonSlotInput,
  ApplyForSeasonSlotInput,
  DeclineSeasonApplicationInput,
} from './season.inputs';
import type { SeasonAllocation, SeasonClash } from './season.types';

/**
 * Seasonal allocation (vuorojako): associations apply for a weekly slot while the window
 * is open; staff of the season's service area allocate a space, which becomes a weekly
 * series of confirmed reservations. A week that clashes is reported back with its reason.
 */
export class SeasonService {
  constructor(
    private readonly data: FacilitiesData,
    private readonly loaders: FacilitiesLoaders,
    private readonly identity: Identity,
    private readonly associations: AssociationDirectory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  seasons(year: number | null | undefined): Promise<BookingSeason[]> {
    if (year != null && (year < 2000 || year > 2100)) {
      throw BadUserInputError.single('year', 'RANGE', 'must be a year from 2000 to 2100');
    }
    return this.data.repositories.seasons.seasonsOfYear(year ?? null);
  }

  /** A calendar's seasons: the area's own and city-wide ones, or all for the whole city. */
  async ofCalendar(year: number, serviceAreaId: string | null): Promise<BookingSeason[]> {
    const seasons = await this.seasons(year);
    if (!serviceAreaId) return seasons;
    const area = serviceAreaId.toLowerCase();
    return seasons.filter((s) => s.serviceAreaId === null || s.serviceAreaId === area);
  }

  window(season: BookingSeason): SeasonWindow {
    const now = this.now();
    if (now < season.applicationsOpenAt) return SeasonWindow.UPCOMING;
    return now <= season.applicationsCloseAt ? SeasonWindow.OPEN : SeasonWindow.CLOSED;
  }

  maySee(application: SeasonApplication): boolean {
    return (
      isCityStaff(this.identity) || representsAssociation(this.identity, application.associationId)
    );
  }

  /** Staff see every application of a season; representatives their own; others none. */
  applicationsOf(season: BookingSeason): Promise<SeasonApplication[]> {
    if (isCityStaff(this.identity))
      return this.data.repositories.seasons.applications(season.id, null);
    return this.data.repositories.seasons.applications(season.id, [
      ...this.identity.associationIds,
    ]);
  }

  /** An association's season applications, newest first: its representatives and staff only. */
  ofAssociation(associationId: string): Promise<SeasonApplication[]> {
    requireThat(
      this.identity,
      isCityStaff(this.identity) || representsAssociation(this.identity, associationId),
      `reading season applications of ${associationId}`,
    );
    return this.loaders.seasonApplicationsOfAssociation.load(associationId);
  }

  async seasonOf(application: SeasonApplication): Promise<BookingSeason> {
    return this.existingSeason(application.seasonId);
  }

  async reservationsOf(application: SeasonApplication): Promise<Reservation[]> {
    const ids = (await this.data.repositories.seasons.reservationIdsOf(application.id)).map(
      (r) => r.id,
    );
    const rows = await this.loaders.reservation.loadMany(ids);
    return rows.filter((r): r is Reservation => r !== null && !(r instanceof Error));
  }

  async apply(input: ApplyForSeasonSlotInput): Promise<SeasonApplication> {
    const v = new Validator();
    const seasonId = v.ids('input.seasonId', [input.seasonId])?.[0];
    const associationId = v.ids('input.associationId', [input.associationId])?.[0];
    const spaceIds = v.ids('input.spaceIds', input.spaceIds) ?? [];
    if (spaceIds.length < 1 || spaceIds.length > 5) {
      v.problem('input.spaceIds', 'COUNT', 'must list 1 to 5 spaces in order of preference');
    }
    v.int('input.weekday', input.weekday, { min: 1, max: 7 });
    const before = v.problems.length;
    const startTime = v.clock('input.startTime', input.startTime);
    const endTime = v.clock('input.endTime', input.endTime);
    if (v.problems.length === before && endTime! <= startTime!) {
      v.problem('input.endTime', 'AFTER_START', 'must be later than input.startTime');
    }
    const purpose = v.text('input.purpose', input.purpose, { max: 500, required: true });
    const attendees = v.int('input.attendees', input.attendees, { min: 1, max: 100_000 });
    v.throwIfInvalid();
    requireThat(
      this.identity,
      representsAssociation(this.identity, associationId!),
      `applying for season slots for association ${associationId} (only its representatives may)`,
    );
    await requireAssociations(this.associations, [associationId!]);
    const season = await this.existingSeason(seasonId!);
    if (this.window(season) !== SeasonWindow.OPEN) {
      v.problem(
        'input.seasonId',
        'APPLICATION_WINDOW',
        `applications are taken from ${season.applicationsOpenAt.toISOString()} to ${season.applicationsCloseAt.toISOString()}`,
      );
    }
    const spaces = await this.loaders.space.loadMany(spaceIds);
    spaces.forEach((space, i) => {
      if (!space || space instanceof Error)
        v.problem(`input.spaceIds[${i}]`, 'NOT_FOUND', 'no such space');
    });
    v.throwIfInvalid();
    const id = await this.data.repositories.seasons.insertApplication({
      seasonId: season.id,
      associationId: associationId!,
      appliedBy: this.identity.subject ?? 'unknown',
      purpose: purpose!,
      attendees: attendees ?? null,
      weekday: input.weekday,
      startTime: startTime!,
      endTime: endTime!,
      spaceIds,
    });
    return (await this.data.repositories.seasons.applicationsByIds([id]))[0];
  }

  async allocate(input: AllocateSeasonSlotInput): Promise<SeasonAllocation> {
    const application = await this.existingApplication(
      requireUuid('input.applicationId', input.applicationId),
    );
    const season = await this.existingSeason(application.seasonId);
    this.requireAllocator(season);
    const v = new Validator();
    const spaceId = requireUuid('input.spaceId', input.spaceId);
    const note = v.text('input.note', input.note, { max: 1000 });
    if (application.status !== SeasonApplicationStatus.SUBMITTED) {
      v.problem(
        'input.applicationId',
        'STATUS_TRANSITION',
        `a ${application.status} application cannot be allocated`,
      );
    }
    v.throwIfInvalid();
    const space = await this.loaders.space.load(spaceId);
    if (!space) throw new NotFoundError('Space', spaceId);
    const [hours, exceptions] = await Promise.all([
      this.loaders.openingHoursOfFacility.load(space.facilityId),
      this.loaders.openingExceptionsOfFacility.load(space.facilityId),
    ]);

    const clashes: SeasonClash[] = [];
    await this.data.transaction(async ({ seasons, reservations }) => {
      if (!(await seasons.decide(application.id, 'ALLOCATED', space.id, note ?? null))) {
        throw new ConflictError(
          'input.applicationId: the application was decided meanwhile; reload it',
          {
            field: 'input.applicationId',
          },
        );
      }
      for (const date of weekdaysBetween(season.startsOn, season.endsOn, application.weekday)) {
        const startsAt = fromHelsinkiLocal(`${date}T${application.startsAtLocal}`);
        const endsAt = fromHelsinkiLocal(`${date}T${application.endsAtLocal}`);
        if (startsAt < this.now()) {
          // A season allocated after it began: the weeks gone by are reported, not booked.
          clashes.push({ date, startsAt, endsAt, reason: SeasonClashReason.PAST });
          continue;
        }
        if (!insideOpeningHours(startsAt, endsAt, hours, exceptions)) {
          clashes.push({ date, startsAt, endsAt, reason: SeasonClashReason.CLOSED });
          continue;
        }
        const reason = await reserveWeek(reservations, {
          spaceId: space.id,
          associationId: application.associationId,
          requestedBy: this.identity.subject ?? 'unknown',
          startsAt,
          endsAt,
          purpose: application.purpose,
          attendees: application.attendees,
          seasonApplicationId: application.id,
          status: ReservationStatus.CONFIRMED,
        });
        if (reason) clashes.push({ date, startsAt, endsAt, reason });
      }
    });
    const fresh = (await this.data.repositories.seasons.applicationsByIds([application.id]))[0];
    return { application: fresh, reservations: await this.reservationsOf(fresh), clashes };
  }

  async decline(input: DeclineSeasonApplicationInput): Promise<SeasonApplication> {
    const application = await this.existingApplication(
      requireUuid('input.applicationId', input.applicationId),
    );
    this.requireAllocator(await this.existingSeason(application.seasonId));
    const v = new Validator();
    const note = v.text('input.note', input.note, { max: 1000, required: true });
    if (application.status !== SeasonApplicationStatus.SUBMITTED) {
      v.problem(
        'input.applicationId',
        'STATUS_TRANSITION',
        `a ${application.status} application cannot be declined`,
      );
    }
    v.throwIfInvalid();
    if (!(await this.data.repositories.seasons.decide(application.id, 'DECLINED', null, note!))) {
      throw new ConflictError(
        'input.applicationId: the application was decided meanwhile; reload it',
        {
          field: 'input.applicationId',
        },
      );
    }
    return (await this.data.repositories.seasons.applicationsByIds([application.id]))[0];
  }

  private requireAllocator(season: BookingSeason): void {
    requireThat(
      this.identity,
      season.serviceAreaId
        ? worksInServiceArea(this.identity, season.serviceAreaId)
        : isCityStaff(this.identity),
      'allocating season slots (staff of the service area that runs the season)',
    );
  }

  private async existingSeason(id: string): Promise<BookingSeason> {
    const season = await this.loaders.season.load(id);
    if (!season) throw new NotFoundError('BookingSeason', id);
    return season;
  }

  private async existingApplication(id: string): Promise<SeasonApplication> {
    const application = (await this.data.repositories.seasons.applicationsByIds([id]))[0];
    if (!application || !this.maySee(application)) throw new NotFoundError('SeasonApplication', id);
    return application;
  }
}

/** Every date of a weekday from `first` to `last`, inclusive ("YYYY-MM-DD" strings). */
export function weekdaysBetween(first: string, last: string, weekday: number): string[] {
  const dates: string[] = [];
  let date = addDays(first, (weekday - isoWeekday(first) + 7) % 7);
  for (; date <= last; date = addDays(date, 7)) dates.push(date);
  return dates;
}

/**
 * One week of a series: a clash rolls back that week only (a savepoint in the repository),
 * and is returned as its reason instead of failing the whole allocation.
 */
async function reserveWeek(
  repository: ReservationRepository,
  values: Parameters<ReservationRepository['insert']>[0],
): Promise<SeasonClashReason | null> {
  const blocked = (await repository.clashes(values.spaceId, values.startsAt, values.endsAt)).some(
    (c) => c.kind === 'BLOCKED',
  );
  if (blocked) return SeasonClashReason.BLOCKED;
  return (await repository.insertUnlessDoubleBooked(values)) ? null : SeasonClashReason.RESERVED;
}
