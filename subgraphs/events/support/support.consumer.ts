import type { LocalizedText } from '../../core/types/localized-text.type';
import type { DomainEvent, DomainEventBus } from '../../core/domain-events';
import {
  type MadeForSupportPart,
  type PartAnsweredData,
  supportCancelled,
} from '../../core/event-support';
import type { EventsData } from '../events.repositories';
import { PART_MOVES, SupportPartStatus } from './support.enums';

/** A decision's status, as the owner tells it, in a part's words. */
const DECIDED_AS: Readonly<Record<string, SupportPartStatus>> = {
  CONFIRMED: SupportPartStatus.CONFIRMED,
  APPROVED: SupportPartStatus.CONFIRMED,
  PARTIALLY_APPROVED: SupportPartStatus.CONFIRMED,
  REJECTED: SupportPartStatus.REJECTED,
  CANCELLED: SupportPartStatus.CANCELLED,
  // The applicant withdrew the application made for the part.
  WITHDRAWN: SupportPartStatus.CANCELLED,
};

interface DecisionData extends MadeForSupportPart {
  status: string;
  note?: string | null;
  reservationId?: string;
  applicationId?: string;
  loanId?: string;
}

/**
 * The events subgraph's side of a support request's parts (issue 29, item 3): the owner's
 * answer (made, or refused with the reason) and later its staff's decision move the part;
 * when no part is open any more, the request is decided and `event-support.decided` tells
 * the association, once. Moves not allowed from where a part is (a repeated message, an
 * answer overtaken by its decision) change nothing, so at-least-once delivery is harmless.
 */
export class SupportConsumer {
  constructor(
    private readonly data: EventsData,
    private readonly bus: DomainEventBus,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async handle(message: DomainEvent): Promise<void> {
    const move = this.moveOf(message);
    if (!move) return;
    const at = this.now();
    const told = await this.data.transaction(async ({ support, events }, connection) => {
      const part = await support.lockPart(move.partId);
      // The event and its request were deleted meanwhile: nothing to keep.
      if (!part) return false;
      if (!PART_MOVES[part.status].includes(move.status)) return false;
      await support.movePart(part.id, move.status, move.reason, move.targetId, at, move.name);
      const [request] = await support.requestsByIds([part.requestId]);
      if (request.cancelledAt) {
        // Made after the association cancelled the request (its owner was retrying then):
        // undone as the rest was. Settled or not, no summary: the association knows.
        if (move.status === SupportPartStatus.REQUESTED) {
          await this.bus.record(
            connection,
            supportCancelled(request, [{ id: part.id, kind: part.kind }], at),
          );
          return true;
        }
        await support.markDecidedIfSettled(part.requestId, at);
        return false;
      }
      if (!(await support.markDecidedIfSettled(part.requestId, at))) return false;
      const [event] = await events.eventsByIds([request.eventId]);
      const parts = await support.partsOf([request.id]);
      await this.bus.record(connection, {
        type: 'event-support.decided',
        entity: { type: 'EventSupportRequest', id: request.id },
        sequence: at.getTime(),
        associationId: request.associationId,
        occurredAt: at.toISOString(),
        data: {
          requestId: request.id,
          event: {
            id: request.eventId,
            title: event?.title ?? { fi: null, sv: null, en: null },
            startsAt: event?.startsAt.toISOString() ?? null,
          },
          parts: parts.map((p) => ({
            kind: p.kind,
            status: p.status,
            reason: p.reason,
            name: p.name,
            details: p.details,
          })),
        },
      });
      return true;
    });
    if (told) this.bus.wake();
  }

  private moveOf(message: DomainEvent): {
    partId: string;
    status: SupportPartStatus;
    reason: string | null;
    targetId: string | null;
    /** What the owner calls it: told with the answer, not with the decision. */
    name: LocalizedText | null;
  } | null {
    if (message.type === 'event-support.part-answered') {
      const answer = message.data as unknown as PartAnsweredData;
      return {
        partId: answer.partId,
        status: SupportPartStatus[answer.status],
        reason: answer.reason,
        targetId: answer.targetId,
        name: answer.name ?? null,
      };
    }
    const decision = message.data as unknown as DecisionData;
    const status = DECIDED_AS[decision.status];
    if (!decision.supportPartId || !status) return null;
    return {
      partId: decision.supportPartId,
      status,
      reason: decision.note ?? null,
      targetId: message.entity.id,
      name: null,
    };
  }
}
