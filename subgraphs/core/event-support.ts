import { GraphQLError } from 'graphql';
import type { Connection } from './data';
import type { DomainEvent, DomainEventBus } from './domain-events';
import type { Identity } from './identity';
import { SupportLedger } from './support-ledger';
import type { LocalizedText } from './types/localized-text.type';

/**
 * The contract of an event's support request between the subgraphs (issue 29, item 3). The
 * events subgraph keeps the request and the state of each part; the owner of each part
 * (facilities for the space and equipment, grants for the event grant) makes it as the
 * requesting representative would, answers `event-support.part-answered`, and later tells
 * the decision in its own `…decided` event, which carries `supportPartId`.
 */
export type SupportPartKind = 'SPACE' | 'EQUIPMENT' | 'GRANT';

export interface SpacePartDetails {
  spaceId: string;
  /** The reservation: the event's time widened by the setup and clearing-away time. */
  startsAt: string;
  endsAt: string;
  attendees: number | null;
}
export interface EquipmentPartDetails {
  itemId: string;
  quantity: number;
  startsAt: string;
  endsAt: string;
}
export interface GrantPartDetails {
  roundId: string;
  requestedAmount: string;
  purpose: string | null;
}

export interface SupportPartMessage {
  id: string;
  kind: SupportPartKind;
  details: SpacePartDetails | EquipmentPartDetails | GrantPartDetails;
}

export interface SupportRequestedData {
  requestId: string;
  requestedBy: string;
  event: { id: string; title: LocalizedText; startsAt: string; endsAt: string };
  parts: SupportPartMessage[];
}

/**
 * A whole request cancelled by the association (`event-support.cancelled`): each owner
 * cancels what it made for its parts, as the one who cancelled, and tells that as usual.
 */
export interface SupportCancelledData {
  requestId: string;
  cancelledBy: string;
  parts: Array<{ id: string; kind: SupportPartKind }>;
}

/** The message that a request, or some of its parts, are to be undone by their owners. */
export function supportCancelled(
  request: { id: string; associationId: string; cancelledBy: string | null },
  parts: SupportCancelledData['parts'],
  at: Date,
): DomainEvent<SupportCancelledData> {
  return {
    type: 'event-support.cancelled',
    entity: { type: 'EventSupportRequest', id: request.id },
    sequence: at.getTime(),
    associationId: request.associationId,
    occurredAt: at.toISOString(),
    data: { requestId: request.id, cancelledBy: request.cancelledBy ?? 'unknown', parts },
  };
}

/** What the owner of a part says back: taken (REQUESTED, awaiting its staff) or REFUSED. */
export interface PartAnsweredData {
  requestId: string;
  partId: string;
  status: 'REQUESTED' | 'REFUSED';
  /** The owner's refusal, naming the field and the rule, as the requester would have got it. */
  reason: string | null;
  /** The reservation, equipment loan or grant application made for it. */
  targetId: string | null;
  /** What the owner calls what was asked for (the space, the item, the grant round), for people to read. */
  name: LocalizedText | null;
}

/** The representative who asked, as the owner subgraph acts for them: no more rights. */
export function requesterIdentity(requestedBy: string, associationId: string): Identity {
  return {
    role: 'representative',
    subject: requestedBy,
    associationIds: [associationId],
    serviceAreaIds: [],
  };
}

/** Codes that mean "this part cannot be had as asked"; anything else is retried. */
const REFUSALS = new Set(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN']);

/**
 * The reason a part was refused, in the words the owner's mutation would have used, its
 * fields named as the support request names them (`input.startsAt` of the reservation is
 * `space.startsAt` here); null when the error is not a refusal but a failure to retry (a
 * booking system down, the database gone).
 */
export function refusalOf(error: unknown, part: string): string | null {
  if (!(error instanceof GraphQLError)) return null;
  const code = error.extensions?.code;
  if (typeof code !== 'string' || !REFUSALS.has(code)) return null;
  return error.message.replace(/\binput\./g, `${part}.`);
}

/** Records a part's answer in the owner's transaction that made (or refused) it. */
export function recordAnswer(
  bus: DomainEventBus,
  connection: Connection,
  request: DomainEvent<SupportRequestedData>,
  answer: Omit<PartAnsweredData, 'requestId'>,
  at: Date,
): Promise<void> {
  return bus.record(connection, {
    type: 'event-support.part-answered',
    entity: { type: 'EventSupportRequest', id: request.data.requestId },
    sequence: at.getTime(),
    associationId: request.associationId,
    occurredAt: at.toISOString(),
    data: { requestId: request.data.requestId, ...answer },
  });
}

/** The part a reservation, loan or application was made for, told with its decision. */
export interface MadeForSupportPart {
  supportPartId: string | null;
}

/**
 * How an owner's request method makes a support part: `made` runs in the transaction that
 * inserts the row, with its id (the ledger row and the answer go with it or not at all).
 */
export interface SupportOrigin {
  made(connection: Connection, id: string): Promise<void>;
  /** The event whose own hold on its venue a space part may overlap. */
  eventId: string;
}

/**
 * How an owner answers one part, both ways in one place: `origin` makes the ledger row and
 * the REQUESTED answer in the transaction that makes the row; `refuse` records a refusal
 * and its answer in a transaction of their own.
 */
export function answerer(
  bus: DomainEventBus,
  schema: 'facilities' | 'grants',
  request: DomainEvent<SupportRequestedData>,
  part: SupportPartMessage,
  now: () => Date,
  /** What the owner calls what the part asks for; null when it does not exist. */
  name: LocalizedText | null,
) {
  return {
    origin: {
      eventId: request.data.event.id,
      made: async (connection: Connection, id: string) => {
        await new SupportLedger(connection, schema).made(part.id, id, now());
        await recordAnswer(
          bus,
          connection,
          request,
          { partId: part.id, status: 'REQUESTED', reason: null, targetId: id, name },
          now(),
        );
      },
    } satisfies SupportOrigin,
    refuse: async (connection: Connection, reason: string) => {
      await new SupportLedger(connection, schema).refused(part.id, reason, now());
      await recordAnswer(
        bus,
        connection,
        request,
        { partId: part.id, status: 'REFUSED', reason, targetId: null, name },
        now(),
      );
    },
  };
}

/**
 * An owner's side of a whole request cancelled (`event-support.cancelled`): for each of its
 * parts that it made something for (the ledger says what), `cancel` undoes it as the one who
 * cancelled would. A refusal (already cancelled, or a grant already decided) leaves that part
 * as it is; any other failure is thrown, so the message is retried. Parts the owner refused
 * made nothing and need nothing.
 */
export async function cancelMade(
  ledger: SupportLedger,
  message: DomainEvent<SupportCancelledData>,
  kinds: readonly SupportPartKind[],
  cancel: (part: { id: string; kind: SupportPartKind }, targetId: string) => Promise<unknown>,
): Promise<void> {
  for (const part of message.data.parts.filter((p) => kinds.includes(p.kind))) {
    const made = (await ledger.answered(part.id))?.targetId;
    if (!made) continue;
    try {
      await cancel(part, made);
    } catch (error) {
      if (refusalOf(error, part.kind.toLowerCase()) === null) throw error;
    }
  }
}
