import type { Delivery } from './delivery.entity';
import { DeliveryKind } from './delivery.enums';
import { webhookPayload } from './webhook-payload';

const createdAt = new Date('2027-02-28T22:30:00Z');
const reminder = (kind: string, days: number) =>
  ({
    kind: DeliveryKind.REMINDER,
    createdAt,
    payload: {
      deadline: {
        kind,
        id: 'e1',
        title: { fi: 'Yhdistysilta' },
        closesAt: '2027-03-01T16:00:00.000Z',
        serviceAreaIds: ['culture'],
      },
      days,
    },
  }) as unknown as Delivery;

describe(webhookPayload.name, () => {
  it('carries an event about to start as event.starting, not as a deadline', () => {
    expect(webhookPayload(reminder('event-start', 1), undefined)).toEqual({
      type: 'event.starting',
      timestamp: '2027-02-28T22:30:00.000Z',
      data: {
        eventId: 'e1',
        title: { fi: 'Yhdistysilta' },
        startsAt: '2027-03-01T16:00:00.000Z',
        serviceAreaIds: ['culture'],
        daysLeft: 1,
      },
    });
  });

  it('carries a deadline as deadline.reminder, stamped when the reminder was made, the same on every retry', () => {
    const delivery = reminder('round', 3);
    const first = webhookPayload(delivery, undefined);
    expect(first).toEqual({
      type: 'deadline.reminder',
      timestamp: '2027-02-28T22:30:00.000Z',
      data: expect.objectContaining({ kind: 'round', id: 'e1', daysLeft: 3 }),
    });
    expect(webhookPayload(delivery, undefined)).toEqual(first);
  });

  it('carries a decision as the domain event it was', () => {
    const delivery = {
      kind: DeliveryKind.DECISION,
      createdAt,
      payload: {
        type: 'reservation.decided',
        entity: { type: 'Reservation', id: 'r1' },
        associationId: 'a1',
        occurredAt: '2027-02-28T10:00:00.000Z',
        data: { status: 'CONFIRMED' },
      },
    } as unknown as Delivery;
    expect(webhookPayload(delivery, undefined)).toEqual({
      type: 'reservation.decided',
      timestamp: '2027-02-28T10:00:00.000Z',
      data: { entity: { type: 'Reservation', id: 'r1' }, associationId: 'a1', status: 'CONFIRMED' },
    });
  });
});
