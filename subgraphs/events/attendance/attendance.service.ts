import { isCityStaff, representsAssociation } from '../../core/authorization';
import { NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { Validator } from '../../core/validation';
import { EnrolmentStatus } from '../enrolment/enrolment.enums';
import type { Enrolment } from '../enrolment/enrolment.entity';
import type { EventAdminService } from '../event/event-admin.service';
import type { Event } from '../event/event.entity';
import { EventStatus } from '../event/event.enums';
import type { EventLoaders } from '../events.loaders';
import type { EventsData } from '../events.repositories';
import type { EventAttendance, RecordAttendanceInput } from './attendance.types';

const MAX_MARKS = 500;

/**
 * Who came (issue 32, item 4). Sign-ups say who meant to come; after the event its
 * managers (the organising association for a community event, the staff of its service
 * areas) mark how many of each sign-up's people came and count everyone at the door, so
 * "attendance" in statistics is attendance, not sign-ups. Recording again corrects it.
 */
export class AttendanceService {
  constructor(
    private readonly data: EventsData,
    private readonly loaders: EventLoaders,
    private readonly identity: Identity,
    private readonly admin: EventAdminService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(input: RecordAttendanceInput): Promise<Event> {
    const v = new Validator();
    const eventId = v.ids('input.eventId', [input.eventId])?.[0];
    v.int('input.headCount', input.headCount, { min: 0, max: 100_000 });
    const marks = input.enrolments ?? [];
    if (marks.length > MAX_MARKS) {
      v.problem('input.enrolments', 'MAX_ITEMS', `must list at most ${MAX_MARKS} sign-ups`);
    }
    marks.slice(0, MAX_MARKS).forEach((mark, i) => {
      v.ids(`input.enrolments[${i}].enrolmentId`, [mark.enrolmentId]);
      v.int(`input.enrolments[${i}].came`, mark.came, { min: 0, max: 100_000 });
    });
    if (new Set(marks.map((m) => m.enrolmentId)).size < marks.length) {
      v.problem('input.enrolments', 'UNIQUE', 'name each sign-up once');
    }
    if (input.headCount == null && marks.length === 0) {
      v.problem('input', 'REQUIRED', 'give a head count, sign-ups who came, or both');
    }
    v.throwIfInvalid();
    const event = await this.loaders.event.load(eventId!);
    if (!event) throw new NotFoundError('Event', eventId!);
    await this.admin.requireManager(event, 'recording who came to an event');
    if (event.status === EventStatus.CANCELLED) {
      v.problem('input.eventId', 'CANCELLED', 'the event was cancelled: nobody came');
    } else if (event.status === EventStatus.DRAFT) {
      v.problem('input.eventId', 'PUBLISHED', 'the event was never published');
    } else if (event.startsAt > this.now()) {
      v.problem(
        'input.eventId',
        'NOT_STARTED',
        `who came is recorded once the event has started (${event.startsAt.toISOString()})`,
      );
    }
    v.throwIfInvalid();
    await this.data.transaction(async ({ enrolments, attendance }) => {
      // Under the event's lock: no sign-up moves while its attendance is checked and written.
      await enrolments.lockEvent(event.id);
      const signUps = new Map((await enrolments.active(event.id)).map((e) => [e.id, e]));
      const came = new Map(
        [...signUps.values()]
          .filter((e) => e.attendedPeople !== null)
          .map((e) => [e.id, e.attendedPeople!]),
      );
      marks.forEach((mark, i) => {
        const signUp = signUps.get(mark.enrolmentId);
        if (!signUp || signUp.status !== EnrolmentStatus.ENROLLED) {
          v.problem(
            `input.enrolments[${i}].enrolmentId`,
            'ENROLLED',
            'is not an enrolled sign-up of this event (a waiting one who came is in the head count)',
          );
        } else if (mark.came > signUp.people) {
          v.problem(
            `input.enrolments[${i}].came`,
            'RANGE',
            `must be at most the sign-up's ${signUp.people} people; count the others in headCount`,
          );
        } else {
          came.set(signUp.id, mark.came);
        }
      });
      const marked = [...came.values()].reduce((sum, n) => sum + n, 0);
      const headCount = input.headCount ?? event.headCount;
      if (headCount !== null && headCount < marked) {
        v.problem(
          'input.headCount',
          'AT_LEAST_CAME',
          `must be at least the ${marked} people marked as having come`,
        );
      }
      v.throwIfInvalid();
      await attendance.record(
        event.id,
        marks,
        input.headCount ?? null,
        this.identity.subject ?? 'unknown',
        this.now(),
      );
    });
    this.loaders.event.clear(event.id);
    return (await this.loaders.event.load(event.id))!;
  }

  /** The recorded attendance of an event; null until anything is recorded. */
  async ofEvent(event: Event): Promise<EventAttendance | null> {
    if (!event.attendanceRecordedAt) return null;
    const figures = (await this.loaders.attendanceOfEvent.load(event.id)) ?? {
      signedUp: 0,
      came: 0,
      noShows: 0,
      unmarked: 0,
    };
    return {
      recordedAt: event.attendanceRecordedAt,
      signedUp: figures.signedUp,
      came: figures.came,
      noShows: figures.noShows,
      unmarked: figures.unmarked,
      headCount: event.headCount,
      walkIns: event.headCount === null ? null : Math.max(0, event.headCount - figures.came),
    };
  }

  /**
   * An event's sign-ups the caller may see: all to city staff and its managers, their own to
   * an association's representatives, none to anyone else.
   */
  async enrolmentsOf(event: Event): Promise<Enrolment[]> {
    if (this.identity.role === 'anonymous') return [];
    const all = await this.loaders.enrolmentsOfEvent.load(event.id);
    if (isCityStaff(this.identity) || (await this.admin.isManager(event))) return all;
    return all.filter((e) => representsAssociation(this.identity, e.associationId));
  }
}
