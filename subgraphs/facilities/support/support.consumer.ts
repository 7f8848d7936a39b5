import type { DataSource } from 'typeorm';
import type { DomainEvent } from '../../core/domain-events';
import {
  type EquipmentPartDetails,
  type SpacePartDetails,
  type SupportPartMessage,
  type SupportCancelledData,
  type SupportRequestedData,
  answerer,
  cancelMade,
  refusalOf,
  requesterIdentity,
} from '../../core/event-support';
import type { SharedServices } from '../../core/context';
import { SupportLedger } from '../../core/support-ledger';
import type { BookingBridge } from '../booking/booking-bridge';
import { createFacilitiesContext } from '../facilities.context';

/**
 * The facilities subgraph's side of an event's support request (issue 29, item 3): the
 * space part becomes a reservation and each equipment line a loan, made through the same
 * services, rules and database guarantees as when the requesting representative asks
 * directly, with no more rights than theirs. What is made and the answer to the events
 * subgraph are one transaction with the ledger row; a rule that says no is recorded as the
 * part's refusal with its reason. A part already answered (the message came again) is left.
 * A failure that is no refusal (a booking system down) is thrown, so the message is retried.
 */
export class FacilitiesSupportConsumer {
  constructor(
    private readonly db: DataSource,
    private readonly shared: SharedServices,
    private readonly bridge: BookingBridge,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async handle(message: DomainEvent): Promise<void> {
    if (!message.associationId) return;
    if (message.type === 'event-support.cancelled') {
      const cancelled = message as unknown as DomainEvent<SupportCancelledData>;
      const context = this.contextOf(cancelled.data.cancelledBy, message.associationId);
      await cancelMade(
        new SupportLedger(this.db, 'facilities'),
        cancelled,
        ['SPACE', 'EQUIPMENT'],
        (part, made) =>
          part.kind === 'SPACE'
            ? context.reservations.cancel(made)
            : context.equipment.cancel(made),
      );
      return;
    }
    const request = message as unknown as DomainEvent<SupportRequestedData>;
    const ours = request.data.parts.filter((p) => p.kind === 'SPACE' || p.kind === 'EQUIPMENT');
    for (const part of ours) await this.answer(request, part);
    this.shared.events.wake();
  }

  private async answer(request: DomainEvent<SupportRequestedData>, part: SupportPartMessage) {
    const ledger = new SupportLedger(this.db, 'facilities');
    if (await ledger.answered(part.id)) return;
    const context = this.contextOf(request.data.requestedBy, request.associationId!);
    const named =
      part.kind === 'SPACE'
        ? await context.loaders.space.load((part.details as SpacePartDetails).spaceId)
        : await context.loaders.equipmentItem.load((part.details as EquipmentPartDetails).itemId);
    const { origin, refuse } = answerer(
      this.shared.events,
      'facilities',
      request,
      part,
      this.now,
      named?.name ?? null,
    );
    const purpose = request.data.event.title.fi ?? request.data.event.title.en ?? 'Tapahtuma';
    try {
      if (part.kind === 'SPACE') {
        const d = part.details as SpacePartDetails;
        await context.reservations.request(
          {
            spaceId: d.spaceId,
            associationId: request.associationId!,
            startsAt: new Date(d.startsAt),
            endsAt: new Date(d.endsAt),
            purpose,
            attendees: d.attendees,
          },
          origin,
        );
      } else {
        const d = part.details as EquipmentPartDetails;
        await context.equipment.request(
          {
            itemId: d.itemId,
            associationId: request.associationId!,
            quantity: d.quantity,
            startsAt: new Date(d.startsAt),
            endsAt: new Date(d.endsAt),
            purpose,
          },
          origin,
        );
      }
    } catch (error) {
      // Two deliveries raced: the other one answered this part.
      if (await ledger.answered(part.id)) return;
      const reason = refusalOf(error, part.kind === 'SPACE' ? 'space' : 'equipment');
      if (reason === null) throw error;
      await this.db.transaction((manager) => refuse(manager, reason));
    }
  }

  /** The facilities services as the association's representative who asked (or cancelled). */
  private contextOf(subject: string, associationId: string) {
    return createFacilitiesContext(
      this.db,
      requesterIdentity(subject, associationId),
      this.shared,
      this.bridge,
      this.now,
    );
  }
}
