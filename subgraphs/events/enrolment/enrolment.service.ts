import type { DomainEvent, DomainEventBus } from '../../core/domain-events';
import type { EventsData } from '../events.repositories';
import { type AssociationDirectory, requireAssociations } from '../../core/association-directory';
import { isCityStaff, representsAssociation, requireThat } from '../../core/authorization';
import { ConflictError, NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import { Validator } from '../../core/validation';
import type { Event } from '../event/event.entity';
import { EventStatus } from '../event/event.enums';
import type { EventLoaders } from '../events.loaders';
import type { Enrolment } from './enrolment.entity';
import { EnrolmentStatus } from './enrolment.enums';
import type { EnrolInput } from './enrolment.inputs';

/** Waiting sign-ups that now fit, first come first served; the first that does not fit stops the line. */
export function promotable(
  capacity: number | null,
  active: ReadonlyArray<Pick<Enrolment, 'id' | 'people' | 'status'>>,
): string[] {
  let used = active
    .filter((e) => e.status === EnrolmentStatus.ENROLLED)
    .reduce((sum, e) => sum + e.people, 0);
  const promoted: string[] = [];
  for (const e of active.filter((x) => x.status === EnrolmentStatus.WAITLISTED)) {
    if (capacity !== null && used + e.people > capacity) break;
    used += e.people;
    promoted.push(e.id);
  }
  return promoted;
}

/**
 * Signing associations up for events. Every sign-up and cancellation of one event takes
 * the event's row lock, so however many arrive at once the enrolled never exceed capacity:
 * a group that does not fit, or arrives while others wait, goes on the waiting list.
 */
export class EnrolmentService {
  constructor(
    private readonly data: EventsData,
    private readonly loaders: EventLoaders,
    private readonly identity: Identity,
    private readonly associations: AssociationDirectory,
    private readonly events: DomainEventBus,
    private readonly now: () => Date = () => new Date(),
  ) {}

  registrationIsOpen(event: Event): boolean {
    const now = this.now();
    return (
      event.status === EventStatus.SCHEDULED &&
      now < event.startsAt &&
      (!event.registrationOpensAt || event.registrationOpensAt <= now) &&
      (!event.registrationClosesAt || now <= event.registrationClosesAt)
    );
  }

  async enrol(input: EnrolInput): Promise<Enrolment> {
    const v = new Validator();
    const eventId = v.ids('input.eventId', [input.eventId])?.[0];
    const associationId = v.ids('input.associationId', [input.associationId])?.[0];
    v.int('input.people', input.people, { min: 1, max: 50 });
    v.throwIfInvalid();
    requireThat(
      this.identity,
      representsAssociation(this.identity, associationId!),
      `signing up association ${associationId} (only its representatives may)`,
    );
    await requireAssociations(this.associations, [associationId!]);
    const event = await this.loaders.event.load(eventId!);
    if (!event || event.status === EventStatus.DRAFT) throw new NotFoundError('Event', eventId!);
    if (!this.registrationIsOpen(event)) {
      v.problem('input.eventId', 'REGISTRATION_CLOSED', 'the event takes no sign-ups now');
      v.throwIfInvalid();
    }
    const id = await this.data.transaction(async ({ enrolments: repository }, connection) => {
      const locked = await repository.lockEvent(event.id);
      if (!locked) throw new NotFoundError('Event', event.id);
      const active = await repository.active(event.id);
      if (active.some((e) => e.associationId === associationId)) {
        throw new ConflictError(
          'input.associationId: the association is already signed up; cancel to change the number of people',
          {
            field: 'input.associationId',
          },
        );
      }
      const used = active
        .filter((e) => e.status === EnrolmentStatus.ENROLLED)
        .reduce((sum, e) => sum + e.people, 0);
      const someoneWaits = active.some((e) => e.status === EnrolmentStatus.WAITLISTED);
      const fits =
        locked.capacity === null || (!someoneWaits && used + input.people <= locked.capacity);
      const status = fits ? EnrolmentStatus.ENROLLED : EnrolmentStatus.WAITLISTED;
      const newId = await repository.insert({
        eventId: event.id,
        associationId: associationId!,
        enrolledBy: this.identity.subject ?? 'unknown',
        people: input.people,
        status,
      });
      await this.events.record(
        connection,
        this.changed({ id: newId, associationId: associationId!, eventId: event.id }, status),
      );
      return newId;
    });
    this.events.wake();
    return this.found(id);
  }

  async cancel(idArg: string): Promise<Enrolment> {
    const enrolment = await this.found(requireUuid('id', idArg));
    requireThat(
      this.identity,
      isCityStaff(this.identity) || representsAssociation(this.identity, enrolment.associationId),
      "cancelling a sign-up (the association's representatives or city staff)",
    );
    if (enrolment.status === EnrolmentStatus.CANCELLED) {
      const v = new Validator();
      v.problem('id', 'STATUS_TRANSITION', 'the sign-up is already cancelled');
      v.throwIfInvalid();
    }
    const event = await this.loaders.event.load(enrolment.eventId);
    await this.data.transaction(async ({ enrolments: repository }, connection) => {
      const locked = await repository.lockEvent(enrolment.eventId);
      await repository.setStatus([enrolment.id], EnrolmentStatus.CANCELLED);
      const active = await repository.active(enrolment.eventId);
      const ids = promotable(locked?.capacity ?? null, active);
      await repository.setStatus(ids, EnrolmentStatus.ENROLLED);
      // Who holds a place now, told for the reminders before the event (issue 29, item 5).
      await this.events.record(connection, this.changed(enrolment, EnrolmentStatus.CANCELLED));
      for (const moved of active.filter((e) => ids.includes(e.id))) {
        await this.events.record(connection, this.changed(moved, EnrolmentStatus.ENROLLED));
      }
      // Each association that moved from the waiting list is told, in this transaction.
      for (const moved of active.filter((e) => ids.includes(e.id))) {
        await this.events.record(connection, {
          type: 'enrolment.promoted',
          entity: { type: 'Enrolment', id: moved.id },
          sequence: this.now().getTime(),
          associationId: moved.associationId,
          occurredAt: this.now().toISOString(),
          data: {
            enrolmentId: moved.id,
            participants: moved.people,
            event: {
              id: enrolment.eventId,
              title: event?.title ?? { fi: '' },
              startsAt: event?.startsAt.toISOString() ?? null,
            },
          },
        });
      }
      return ids.length;
    });
    this.events.wake();
    return this.found(enrolment.id);
  }

  /** A sign-up's place as it is now: the communications subgraph keeps a copy for reminders. */
  private changed(
    enrolment: Pick<Enrolment, 'id' | 'associationId' | 'eventId'>,
    status: EnrolmentStatus,
  ): DomainEvent {
    const now = this.now();
    return {
      type: 'enrolment.changed',
      entity: { type: 'Enrolment', id: enrolment.id },
      sequence: now.getTime(),
      associationId: enrolment.associationId,
      occurredAt: now.toISOString(),
      data: { eventId: enrolment.eventId, status },
    };
  }

  ofAssociation(associationId: string): Promise<Enrolment[]> {
    requireThat(
      this.identity,
      isCityStaff(this.identity) || representsAssociation(this.identity, associationId),
      `reading sign-ups of ${associationId}`,
    );
    return this.data.repositories.enrolments.ofAssociations([associationId]);
  }

  private async found(id: string): Promise<Enrolment> {
    const enrolment = await this.data.repositories.enrolments.findById(id);
    if (
      !enrolment ||
      !(isCityStaff(this.identity) || representsAssociation(this.identity, enrolment.associationId))
    ) {
      throw new NotFoundError('Enrolment', id);
    }
    return enrolment;
  }
}
