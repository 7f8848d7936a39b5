import type { DomainEvent } from '../../core/domain-events';
import type { MadeForSupportPart } from '../../core/event-support';
import type { LocalizedText } from '../../core/types/localized-text.type';
import type { Facility } from '../facility/facility.entity';
import type { Space } from '../space/space.entity';
import type { Reservation } from './reservation.entity';
import type { ReservationStatus } from './reservation.enums';

/** What a reservation's decision or cancellation tells the others: enough to write the mail. */
export interface ReservationEventData extends MadeForSupportPart {
  reservationId: string;
  status: ReservationStatus;
  /** The staff's reason, when they gave one (a rejection always has one). */
  note: string | null;
  space: { id: string; name: LocalizedText };
  facility: { id: string; name: LocalizedText | null; address: string | null };
  startsAt: string;
  endsAt: string;
}

export function reservationEvent(
  type: 'reservation.decided' | 'reservation.cancelled',
  reservation: Reservation,
  space: Space,
  facility: Facility | null | undefined,
  status: ReservationStatus,
  note: string | null,
  at: Date,
  supportPartId: string | null,
): DomainEvent<ReservationEventData> {
  return {
    type,
    entity: { type: 'Reservation', id: reservation.id },
    sequence: at.getTime(),
    associationId: reservation.associationId,
    serviceAreaIds: facility?.serviceAreaId ? [facility.serviceAreaId] : [],
    occurredAt: at.toISOString(),
    data: {
      reservationId: reservation.id,
      status,
      note,
      space: { id: space.id, name: space.name },
      facility: {
        id: space.facilityId,
        name: facility?.name ?? null,
        address:
          [facility?.address?.street, facility?.address?.city].filter(Boolean).join(', ') || null,
      },
      startsAt: reservation.startsAt.toISOString(),
      endsAt: reservation.endsAt.toISOString(),
      supportPartId,
    },
  };
}
