import type { Validator } from '../../core/validation';
import type { OpeningExceptionRow, OpeningHoursRow } from '../facility/facility.types';
import { insideOpeningHours, onSlotGrid } from '../space/availability';
import type { Space } from '../space/space.entity';

const HOUR = 3_600_000;

/**
 * The booking rules of a space, checked for one requested time. Every broken rule is
 * reported, each on the field it concerns, so the association fixes them all at once.
 */
export function checkBookingRules(
  v: Validator,
  space: Space,
  time: { startsAt: Date; endsAt: Date; attendees: number | null | undefined },
  opening: { hours: readonly OpeningHoursRow[]; exceptions: readonly OpeningExceptionRow[] },
  now: Date,
): void {
  const { startsAt, endsAt } = time;
  if (endsAt <= startsAt) {
    v.problem('input.endsAt', 'AFTER_START', 'must be later than input.startsAt');
    return;
  }
  if (startsAt < now) {
    v.problem('input.startsAt', 'NOT_IN_PAST', 'must not be in the past');
  } else if (startsAt.getTime() - now.getTime() < space.minLeadHours * HOUR) {
    v.problem(
      'input.startsAt',
      'LEAD_TIME',
      `must be at least ${space.minLeadHours} hours from now: this space is booked ahead`,
    );
  }
  if (startsAt.getTime() - now.getTime() > space.maxAdvanceDays * 24 * HOUR) {
    v.problem(
      'input.startsAt',
      'TOO_FAR_AHEAD',
      `must be at most ${space.maxAdvanceDays} days from now`,
    );
  }
  for (const [field, at] of [
    ['input.startsAt', startsAt],
    ['input.endsAt', endsAt],
  ] as const) {
    if (!onSlotGrid(at, space.slotMinutes)) {
      v.problem(
        field,
        'SLOT_GRID',
        `must be on the space's ${space.slotMinutes}-minute grid (Helsinki time, e.g. 17:00 or 17:${String(space.slotMinutes % 60).padStart(2, '0')})`,
      );
    }
  }
  const minutes = (endsAt.getTime() - startsAt.getTime()) / 60_000;
  if (minutes < space.minDurationMinutes) {
    v.problem(
      'input.endsAt',
      'MIN_DURATION',
      `a reservation lasts at least ${space.minDurationMinutes} minutes`,
    );
  }
  if (minutes > space.maxDurationMinutes) {
    v.problem(
      'input.endsAt',
      'MAX_DURATION',
      `a reservation lasts at most ${space.maxDurationMinutes} minutes`,
    );
  }
  if (time.attendees != null && space.capacity != null && time.attendees > space.capacity) {
    v.problem(
      'input.attendees',
      'CAPACITY',
      `must be at most the space's capacity, ${space.capacity}`,
    );
  }
  if (!insideOpeningHours(startsAt, endsAt, opening.hours, opening.exceptions)) {
    v.problem(
      'input.startsAt',
      'OPENING_HOURS',
      'the whole reservation must be inside the opening hours',
    );
  }
}
