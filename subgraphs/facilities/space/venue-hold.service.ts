import type { DomainEventBus } from '../../core/domain-events';
import { requireThat } from '../../core/authorization';
import { PgErrorCode, pgErrorCode } from '../../core/database';
import type { Identity } from '../../core/identity';
import { isUuid } from '../../core/ids';
import { Validator } from '../../core/validation';
import type { FacilitiesLoaders } from '../facilities.loaders';
import type { FacilitiesData } from '../facilities.repositories';
import { MAX_AVAILABILITY_DAYS } from './space.service';
import type { Space } from './space.entity';
import type { VenueCheckArgs } from './space.inputs';
import type { VenueCheck } from './space.types';
import { judgeVenue } from './venue-check';
import { venueHoldChanged } from './venue-hold.consumer';
import type { HoldVenueInput } from './venue-hold.inputs';
import type { HoldTime } from './venue-hold.repository';
import { type VenueHold, VenueHoldOutcome } from './venue-hold.types';

/**
 * How long a hold made while an event is being published waits for the event to appear
 * before it lapses. The events subgraph writes the event right after the hold, and the
 * venue-hold consumer makes the hold firm as soon as it hears of it, so minutes are plenty.
 */
export const PENDING_HOLD_MS = 5 * 60_000;
/** Pending holds one account may have at once: two full series, and not a way to block the city's spaces. */
export const MAX_PENDING_HOLDS = 250;
/** Occurrences in one request: a series' most. */
const MAX_OCCURRENCES = 104;

/**
 * Events holding city spaces (issue 29, item 2). The events subgraph asks `holdVenue` with
 * the caller's own token before it writes an event that will take place at a space: every
 * occurrence is judged as `venueCheck` judges it, and if all fit, each gets a pending hold
 * under the reservations' exclusion constraint, in one transaction. So of an event and a
 * reservation (or two events) racing for one time, exactly one gets it; the loser hears
 * TAKEN_MEANWHILE, which the events subgraph answers as CONFLICT.
 */
export class VenueHoldService {
  constructor(
    private readonly data: FacilitiesData,
    private readonly loaders: FacilitiesLoaders,
    private readonly identity: Identity,
    private readonly events: DomainEventBus,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Whether one event from startsAt to endsAt may hold the space (Space.venueCheck). */
  async check(space: Space, args: VenueCheckArgs): Promise<VenueCheck> {
    const v = new Validator();
    checkTimes(v, '', args.startsAt, args.endsAt);
    const eventId = args.eventId ? v.ids('eventId', [args.eventId])?.[0] : null;
    v.throwIfInvalid();
    const [check] = await this.judge(space, this.now(), [
      { eventId: eventId ?? '', startsAt: args.startsAt, endsAt: args.endsAt },
    ]);
    return check;
  }

  async hold(input: HoldVenueInput): Promise<VenueHold> {
    requireThat(
      this.identity,
      this.identity.role !== 'anonymous',
      'holding a space for events (the events subgraph asks with the signed-in caller’s token)',
    );
    const v = new Validator();
    const spaceId = v.ids('input.spaceId', [input.spaceId])?.[0];
    const reason = v.text('input.reason', input.reason, { max: 300 });
    if (input.occurrences.length < 1 || input.occurrences.length > MAX_OCCURRENCES) {
      v.problem('input.occurrences', 'COUNT', `give 1–${MAX_OCCURRENCES} occurrences`);
    }
    const eventIds = input.occurrences.map((o) => o.eventId.toLowerCase());
    input.occurrences.forEach((o, i) => {
      const field = `input.occurrences[${i}].`;
      if (!isUuid(o.eventId)) v.problem(`${field}eventId`, 'UUID', 'must be an id (UUID)');
      else if (eventIds.indexOf(eventIds[i]) < i) {
        v.problem(`${field}eventId`, 'UNIQUE', 'each event once');
      }
      checkTimes(v, field, o.startsAt, o.endsAt);
    });
    v.throwIfInvalid();
    const space = await this.loaders.space.load(spaceId!);
    if (!space)
      return { outcome: VenueHoldOutcome.NO_SUCH_SPACE, expiresAt: null, occurrences: [] };

    const holder = this.identity.subject ?? 'unknown';
    const now = this.now();
    const pending = await this.data.repositories.venueHolds.pendingOf(holder, now);
    if (pending + input.occurrences.length > MAX_PENDING_HOLDS) {
      v.problem(
        'input.occurrences',
        'MAX_PENDING',
        `you have ${pending} holds waiting for their events; at most ${MAX_PENDING_HOLDS} may wait at once`,
      );
      v.throwIfInvalid();
    }
    const times: HoldTime[] = input.occurrences.map((o, i) => ({ ...o, eventId: eventIds[i] }));
    const verdict = (checks: VenueCheck[], outcome: VenueHoldOutcome, expiresAt: Date | null) => ({
      outcome,
      expiresAt,
      occurrences: checks.map((check, i) => ({ eventId: times[i].eventId, check })),
    });
    const checks = await this.judge(space, now, times);
    if (checks.some((c) => !c.fits)) return verdict(checks, VenueHoldOutcome.DOES_NOT_FIT, null);

    const expiresAt = new Date(now.getTime() + PENDING_HOLD_MS);
    try {
      await this.data.transaction(async ({ venueHolds }, connection) => {
        const lapsed = await venueHolds.dropLapsed(space.id, now);
        await venueHolds.insertPending(space.id, times, reason ?? '', holder, expiresAt);
        for (const changed of new Set([space.id, ...lapsed])) {
          await this.events.record(connection, venueHoldChanged(changed, eventIds, now));
        }
      });
    } catch (error) {
      if (pgErrorCode(error) !== PgErrorCode.EXCLUSION_VIOLATION) throw error;
      return verdict(await this.judge(space, now, times), VenueHoldOutcome.TAKEN_MEANWHILE, null);
    }
    this.events.wake();
    return verdict(checks, VenueHoldOutcome.HELD, expiresAt);
  }

  /**
   * Each occurrence judged against the space's hours and everything another holder has
   * there: one statement for the busy times of the whole span, however many occurrences.
   */
  private async judge(space: Space, now: Date, times: readonly HoldTime[]): Promise<VenueCheck[]> {
    const from = new Date(Math.min(...times.map((t) => t.startsAt.getTime())));
    const to = new Date(Math.max(...times.map((t) => t.endsAt.getTime())));
    const [hours, exceptions, busy] = await Promise.all([
      this.loaders.openingHoursOfFacility.load(space.facilityId),
      this.loaders.openingExceptionsOfFacility.load(space.facilityId),
      this.data.repositories.reservations.busyWithHolders(space.id, from, to, now),
    ]);
    return times.map((t) => {
      const others = busy.filter((b) => b.holder !== t.eventId);
      const verdict = judgeVenue(t.startsAt, t.endsAt, hours, exceptions, others);
      return {
        ...verdict,
        clashes: verdict.clashes.map((i) => ({
          startsAt: new Date(i.start),
          endsAt: new Date(i.end),
        })),
      };
    });
  }
}

function checkTimes(v: Validator, prefix: string, startsAt: Date, endsAt: Date): void {
  if (endsAt <= startsAt)
    v.problem(`${prefix}endsAt`, 'AFTER_START', 'must be later than startsAt');
  if (endsAt.getTime() - startsAt.getTime() > MAX_AVAILABILITY_DAYS * 86_400_000) {
    v.problem(
      `${prefix}endsAt`,
      'MAX_RANGE',
      `must be at most ${MAX_AVAILABILITY_DAYS} days after startsAt`,
    );
  }
}
