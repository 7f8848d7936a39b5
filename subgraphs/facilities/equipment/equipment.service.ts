import type { FacilitiesData } from '../facilities.repositories';
import { type AssociationDirectory, requireAssociations } from '../../core/association-directory';
import {
  isCityStaff,
  representsAssociation,
  requireThat,
  worksInServiceArea,
} from '../../core/authorization';
import type { ConnectionResult } from '../../core/connection';
import type { DomainEventBus } from '../../core/domain-events';
import type { SupportOrigin } from '../../core/event-support';
import { BadUserInputError, ConflictError, NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import { Validator } from '../../core/validation';
import type { FacilitiesLoaders } from '../facilities.loaders';
import { ReservationDecision, ReservationStatus } from '../reservation/reservation.enums';
import type { EquipmentItem, EquipmentReservation } from './equipment.entity';
import type {
  DecideEquipmentReservationInput,
  EquipmentItemsArgs,
  RequestEquipmentInput,
} from './equipment.inputs';
import { peakUse } from './equipment.repository';

const ACTIVE = [ReservationStatus.REQUESTED, ReservationStatus.CONFIRMED];

/**
 * Lendable equipment: borrowed like spaces, by quantity. Requests for one item take a row
 * lock on it, so the count of items promised at any moment never exceeds what the city has.
 */
export class EquipmentService {
  constructor(
    private readonly data: FacilitiesData,
    private readonly loaders: FacilitiesLoaders,
    private readonly identity: Identity,
    private readonly associations: AssociationDirectory,
    private readonly events: DomainEventBus,
    private readonly now: () => Date = () => new Date(),
  ) {}

  items(args: EquipmentItemsArgs): Promise<ConnectionResult<EquipmentItem>> {
    const filter = args.filter ?? {};
    const v = new Validator();
    const serviceAreaIds = v.ids('filter.serviceAreaIds', filter.serviceAreaIds);
    const search = v.text('filter.search', filter.search, { max: 100 });
    v.throwIfInvalid();
    return this.data.repositories.equipment.items({ serviceAreaIds, search }, args);
  }

  /** How many are free for the whole of [from, to). */
  async available(item: EquipmentItem, from: Date, to: Date): Promise<number> {
    if (to <= from) throw BadUserInputError.single('to', 'AFTER_FROM', 'must be later than from');
    const commitments = await this.loaders.commitmentsOfItem(from, to).load(item.id);
    return Math.max(0, item.quantity - peakUse(commitments, from.getTime(), to.getTime()));
  }

  /** An association's loans from `from` on (now by default): its representatives and staff only. */
  ofAssociation(
    associationId: string,
    from: Date | null | undefined,
  ): Promise<EquipmentReservation[]> {
    requireThat(
      this.identity,
      isCityStaff(this.identity) || representsAssociation(this.identity, associationId),
      `reading equipment loans of ${associationId}`,
    );
    return this.loaders.loansOfAssociation(from ?? this.now()).load(associationId);
  }

  maySee(reservation: EquipmentReservation): boolean {
    return (
      isCityStaff(this.identity) || representsAssociation(this.identity, reservation.associationId)
    );
  }

  /** `origin`: the loan is a part of an event's support request (see ReservationService). */
  async request(
    input: RequestEquipmentInput,
    origin?: SupportOrigin,
  ): Promise<EquipmentReservation> {
    const v = new Validator();
    const itemId = v.ids('input.itemId', [input.itemId])?.[0];
    const associationId = v.ids('input.associationId', [input.associationId])?.[0];
    v.int('input.quantity', input.quantity, { min: 1, max: 10_000 });
    const purpose = v.text('input.purpose', input.purpose, { max: 500, required: true });
    if (input.endsAt <= input.startsAt)
      v.problem('input.endsAt', 'AFTER_START', 'must be later than input.startsAt');
    if (input.startsAt < this.now())
      v.problem('input.startsAt', 'NOT_IN_PAST', 'must not be in the past');
    v.throwIfInvalid();
    requireThat(
      this.identity,
      representsAssociation(this.identity, associationId!),
      `borrowing equipment for association ${associationId} (only its representatives may)`,
    );
    await requireAssociations(this.associations, [associationId!]);
    const id = await this.data.transaction(async ({ equipment: repository }, connection) => {
      const item = await repository.lockItem(itemId!);
      if (!item) throw new NotFoundError('EquipmentItem', itemId!);
      const used = peakUse(
        await repository.commitments([item.id], input.startsAt, input.endsAt),
        input.startsAt.getTime(),
        input.endsAt.getTime(),
      );
      const free = item.quantity - used;
      if (input.quantity > free) {
        throw new ConflictError(
          `input.quantity: only ${Math.max(0, free)} of ${item.quantity} are free for that whole time`,
          { field: 'input.quantity', available: Math.max(0, free) },
        );
      }
      const newId = await repository.insertReservation({
        itemId: item.id,
        associationId: associationId!,
        requestedBy: this.identity.subject ?? 'unknown',
        quantity: input.quantity,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        purpose: purpose!,
      });
      await origin?.made(connection, newId);
      return newId;
    });
    return this.fresh(id);
  }

  async decide(input: DecideEquipmentReservationInput): Promise<EquipmentReservation> {
    const reservation = await this.existing(requireUuid('input.id', input.id));
    const item = await this.loaders.equipmentItem.load(reservation.itemId);
    requireThat(
      this.identity,
      item?.serviceAreaId
        ? worksInServiceArea(this.identity, item.serviceAreaId)
        : isCityStaff(this.identity),
      'deciding equipment loans (staff of the service area that lends the item)',
    );
    const to =
      input.decision === ReservationDecision.CONFIRM
        ? ReservationStatus.CONFIRMED
        : ReservationStatus.REJECTED;
    await this.move(reservation, [ReservationStatus.REQUESTED], to, 'input.id', item);
    return this.fresh(reservation.id);
  }

  async cancel(idArg: string): Promise<EquipmentReservation> {
    const reservation = await this.existing(requireUuid('id', idArg));
    const item = await this.loaders.equipmentItem.load(reservation.itemId);
    await this.move(reservation, ACTIVE, ReservationStatus.CANCELLED, 'id', item);
    return this.fresh(reservation.id);
  }

  private async move(
    reservation: EquipmentReservation,
    from: ReservationStatus[],
    to: ReservationStatus,
    field: string,
    item: EquipmentItem | null,
  ) {
    if (!from.includes(reservation.status)) {
      throw BadUserInputError.single(
        field,
        'STATUS_TRANSITION',
        `a ${reservation.status} loan cannot become ${to}`,
      );
    }
    // The move and the event that tells the others are one transaction.
    const moved = await this.data.transaction(async ({ equipment, supportLedger }, connection) => {
      if (!(await equipment.transition(reservation.id, from, to))) return false;
      const at = this.now();
      await this.events.record(connection, {
        type:
          to === ReservationStatus.CANCELLED
            ? 'equipment-reservation.cancelled'
            : 'equipment-reservation.decided',
        entity: { type: 'EquipmentReservation', id: reservation.id },
        sequence: at.getTime(),
        associationId: reservation.associationId,
        serviceAreaIds: item?.serviceAreaId ? [item.serviceAreaId] : [],
        occurredAt: at.toISOString(),
        data: {
          loanId: reservation.id,
          status: to,
          item: item ? { id: item.id, name: item.name } : null,
          quantity: reservation.quantity,
          supportPartId: await supportLedger.partOf(reservation.id),
        },
      });
      return true;
    });
    if (!moved) {
      throw new ConflictError(`${field}: the loan changed meanwhile; reload it`, { field });
    }
    this.events.wake();
  }

  private async existing(id: string): Promise<EquipmentReservation> {
    const reservation = await this.loaders.equipmentReservation.load(id);
    if (!reservation || !this.maySee(reservation))
      throw new NotFoundError('EquipmentReservation', id);
    return reservation;
  }

  private async fresh(id: string): Promise<EquipmentReservation> {
    this.loaders.equipmentReservation.clear(id);
    const reservation = await this.loaders.equipmentReservation.load(id);
    if (!reservation) throw new NotFoundError('EquipmentReservation', id);
    return reservation;
  }
}
