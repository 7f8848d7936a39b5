import { type AssociationDirectory, requireAssociations } from '../../core/association-directory';
import {
  associationScope,
  isCityStaff,
  representsAssociation,
  requireThat,
} from '../../core/authorization';
import type { ConnectionResult } from '../../core/connection';
import type { DomainEventBus } from '../../core/domain-events';
import { BadUserInputError, NotFoundError } from '../../core/errors';
import {
  type SupportPartMessage,
  type SupportRequestedData,
  supportCancelled,
} from '../../core/event-support';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import { compareMoney } from '../../core/money';
import { Validator } from '../../core/validation';
import type { Event } from '../event/event.entity';
import { EventStatus } from '../event/event.enums';
import type { EventLoaders } from '../events.loaders';
import type { EventsData } from '../events.repositories';
import type { EventSupportPart, EventSupportRequest } from './support.entity';
import { SupportPartKind } from './support.enums';
import type { EventSupportRequestsArgs, RequestEventSupportInput } from './support.inputs';
import type { NewSupportPart } from './support.repository';

const MAX_AROUND_MINUTES = 480;
const MAX_EQUIPMENT_LINES = 20;
const MINUTE = 60_000;

/**
 * An association's request for the city's support for one event (issue 29, item 3). This
 * subgraph checks what it owns (the event, who organises it, the shape of each part) and
 * records the request with a domain event in one transaction; the subgraphs that own the
 * space, the equipment and the grant make each part as the requesting representative
 * would, and their answers and their staff's decisions come back to the parts
 * (support.consumer.ts). A part one of them refuses leaves the others as they are.
 */
export class SupportService {
  constructor(
    private readonly data: EventsData,
    private readonly loaders: EventLoaders,
    private readonly identity: Identity,
    private readonly associations: AssociationDirectory,
    private readonly events: DomainEventBus,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The association's representatives and city staff. */
  maySee(request: EventSupportRequest): boolean {
    return (
      isCityStaff(this.identity) || representsAssociation(this.identity, request.associationId)
    );
  }

  async byId(id: string): Promise<EventSupportRequest | null> {
    const request = await this.loaders.supportRequest.load(requireUuid('id', id));
    return request && this.maySee(request) ? request : null;
  }

  list(args: EventSupportRequestsArgs): Promise<ConnectionResult<EventSupportRequest>> {
    const filter = args.filter ?? {};
    const v = new Validator();
    const requested = v.ids('filter.associationIds', filter.associationIds);
    const eventIds = v.ids('filter.eventIds', filter.eventIds);
    v.throwIfInvalid();
    const associationIds = associationScope(this.identity, requested, 'event support requests');
    return this.data.repositories.support.page(
      { associationIds: associationIds ?? null, eventIds, status: filter.status },
      args,
    );
  }

  /** An event's requests that the caller may see, newest first. */
  async ofEvent(event: Event): Promise<EventSupportRequest[]> {
    if (this.identity.role === 'anonymous') return [];
    const requests = await this.loaders.supportRequestsOfEvent.load(event.id);
    return requests.filter((r) => this.maySee(r));
  }

  parts(request: EventSupportRequest): Promise<EventSupportPart[]> {
    return this.loaders.partsOfSupportRequest.load(request.id);
  }

  async request(input: RequestEventSupportInput): Promise<EventSupportRequest> {
    const v = new Validator();
    const eventId = v.ids('input.eventId', [input.eventId])?.[0];
    const associationId = v.ids('input.associationId', [input.associationId])?.[0];
    const message = v.text('input.message', input.message, { max: 2000 }) ?? null;
    if (!input.space && !input.equipment?.length && !input.grant) {
      v.problem('input', 'ONE_PART', 'ask for at least one of space, equipment or grant');
    }
    const setup = v.int('input.space.setupMinutes', input.space?.setupMinutes, {
      min: 0,
      max: MAX_AROUND_MINUTES,
    });
    const clearAway = v.int('input.space.clearAwayMinutes', input.space?.clearAwayMinutes, {
      min: 0,
      max: MAX_AROUND_MINUTES,
    });
    const attendees = v.int('input.space.attendees', input.space?.attendees, {
      min: 1,
      max: 100_000,
    });
    const spaceId = input.space?.spaceId
      ? v.ids('input.space.spaceId', [input.space.spaceId])?.[0]
      : undefined;
    const equipment = input.equipment ?? [];
    if (equipment.length > MAX_EQUIPMENT_LINES) {
      v.problem('input.equipment', 'MAX_ITEMS', `must have at most ${MAX_EQUIPMENT_LINES} lines`);
    }
    // The validator drops repeated ids: fewer ids than lines means one was named twice.
    const itemIds = v.ids(
      'input.equipment.itemId',
      equipment.map((e) => e.itemId),
    );
    if (itemIds && itemIds.length < equipment.length) {
      v.problem('input.equipment', 'UNIQUE_ITEMS', 'name each item once, with its quantity');
    }
    equipment.forEach((e, i) =>
      v.int(`input.equipment[${i}].quantity`, e.quantity, { min: 1, max: 10_000 }),
    );
    const roundId = input.grant ? v.ids('input.grant.roundId', [input.grant.roundId])?.[0] : null;
    if (input.grant && compareMoney(input.grant.requestedAmount, '0') <= 0) {
      v.problem('input.grant.requestedAmount', 'MIN', 'must be more than 0');
    }
    const purpose = v.text('input.grant.purpose', input.grant?.purpose, { max: 10_000 }) ?? null;
    v.throwIfInvalid();

    requireThat(
      this.identity,
      representsAssociation(this.identity, associationId!),
      `asking support for association ${associationId} (only its representatives may)`,
    );
    const event = await this.loaders.event.load(eventId!);
    if (!event) throw new NotFoundError('Event', eventId!);
    const organizers = (await this.loaders.organizerIdsOfEvent.load(event.id)).map(
      (l) => l.otherId,
    );
    if (!organizers.includes(associationId!)) {
      v.problem('input.associationId', 'ORGANISER', "must be one of the event's organisers");
    }
    if (event.status === EventStatus.CANCELLED) {
      v.problem('input.eventId', 'NOT_CANCELLED', 'the event is cancelled');
    }
    // The space and the equipment are had from setup to clearing away.
    const from = new Date(event.startsAt.getTime() - (setup ?? 0) * MINUTE);
    const to = new Date(event.endsAt.getTime() + (clearAway ?? 0) * MINUTE);
    if (from <= this.now()) {
      v.problem(
        'input.eventId',
        'NOT_STARTED',
        input.space || equipment.length
          ? 'the event (with its setup time) must start later than now'
          : 'the event must start later than now',
      );
    }
    const space = input.space ? (spaceId ?? event.venueSpaceId) : null;
    if (input.space && !space) {
      v.problem(
        'input.space.spaceId',
        'REQUIRED',
        'the event has no city space as its venue: name the space',
      );
    }
    v.throwIfInvalid();
    await requireAssociations(this.associations, [associationId!]);

    const window = { startsAt: from.toISOString(), endsAt: to.toISOString() };
    const parts: NewSupportPart[] = [
      ...(space
        ? [
            {
              kind: SupportPartKind.SPACE,
              details: { spaceId: space, ...window, attendees: attendees ?? null },
            },
          ]
        : []),
      ...equipment.map((e) => ({
        kind: SupportPartKind.EQUIPMENT,
        details: { itemId: e.itemId.toLowerCase(), quantity: e.quantity, ...window },
      })),
      ...(input.grant
        ? [
            {
              kind: SupportPartKind.GRANT,
              details: {
                roundId: roundId!,
                requestedAmount: input.grant.requestedAmount,
                purpose,
              },
            },
          ]
        : []),
    ];
    const at = this.now();
    const id = await this.data.transaction(async ({ support }, connection) => {
      const made = await support.insertRequest(
        {
          eventId: event.id,
          associationId: associationId!,
          requestedBy: this.identity.subject ?? 'unknown',
          message,
          createdAt: at,
        },
        parts,
      );
      const data: SupportRequestedData = {
        requestId: made.id,
        requestedBy: this.identity.subject ?? 'unknown',
        event: {
          id: event.id,
          title: event.title,
          startsAt: event.startsAt.toISOString(),
          endsAt: event.endsAt.toISOString(),
        },
        parts: parts.map((p, i): SupportPartMessage => ({
          id: made.partIds[i],
          kind: p.kind,
          details: p.details,
        })),
      };
      await this.events.record(connection, {
        type: 'event-support.requested',
        entity: { type: 'EventSupportRequest', id: made.id },
        sequence: at.getTime(),
        associationId: associationId!,
        occurredAt: at.toISOString(),
        data,
      });
      return made.id;
    });
    this.events.wake();
    this.loaders.supportRequest.clear(id);
    const request = await this.loaders.supportRequest.load(id);
    if (!request) throw new NotFoundError('EventSupportRequest', id);
    return request;
  }

  /**
   * Cancels the whole request (its association's representatives). What is cancelled is
   * told as `event-support.cancelled` in the same transaction; the owners cancel what they
   * made and their cancellations bring each part to CANCELLED, as a part cancelled where it
   * is owned does. A grant already decided stays decided (withdrawal is before a decision).
   */
  async cancel(id: string): Promise<EventSupportRequest> {
    const request = await this.byId(id);
    if (!request) throw new NotFoundError('EventSupportRequest', id);
    requireThat(
      this.identity,
      representsAssociation(this.identity, request.associationId),
      "cancelling a support request (the asking association's representatives)",
    );
    const at = this.now();
    const by = this.identity.subject ?? 'unknown';
    const parts = await this.data.repositories.support.partsOf([request.id]);
    const cancelled = await this.data.transaction(async ({ support }, connection) => {
      if (!(await support.markCancelled(request.id, by, at))) return false;
      await this.events.record(
        connection,
        supportCancelled(
          { ...request, cancelledBy: by },
          parts.map((p) => ({ id: p.id, kind: p.kind })),
          at,
        ),
      );
      return true;
    });
    if (!cancelled) {
      throw BadUserInputError.single('id', 'STATUS_TRANSITION', 'the request is already cancelled');
    }
    this.events.wake();
    this.loaders.supportRequest.clear(request.id);
    return (await this.loaders.supportRequest.load(request.id))!;
  }
}
