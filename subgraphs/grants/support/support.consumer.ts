import type { DataSource } from 'typeorm';
import type { SharedServices } from '../../core/context';
import { SupportLedger } from '../../core/support-ledger';
import type { DomainEvent } from '../../core/domain-events';
import { BadUserInputError, NotFoundError } from '../../core/errors';
import {
  type GrantPartDetails,
  type SupportPartMessage,
  type SupportCancelledData,
  type SupportRequestedData,
  answerer,
  cancelMade,
  refusalOf,
  requesterIdentity,
} from '../../core/event-support';
import { GrantApplicationStatus } from '../application/application.enums';
import { createGrantsContext, type GrantsContext } from '../grants.context';
import { GrantKind } from '../program/program.enums';

/**
 * The grants subgraph's side of an event's support request (issue 29, item 3): the grant
 * part becomes an application in the round, made and submitted through the same service
 * and rules as when the requesting representative applies, with no more rights. The round
 * must be of an event grant program (tapahtuma-avustus) and open now; a rule that says no
 * is the part's refusal, with its reason. Made once per part (the ledger), submitted once.
 */
export class GrantsSupportConsumer {
  constructor(
    private readonly db: DataSource,
    private readonly shared: SharedServices,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async handle(message: DomainEvent): Promise<void> {
    if (!message.associationId) return;
    if (message.type === 'event-support.cancelled') {
      // Withdrawn as the one who cancelled; an application already decided stays decided.
      const cancelled = message as unknown as DomainEvent<SupportCancelledData>;
      const context = createGrantsContext(
        this.db,
        requesterIdentity(cancelled.data.cancelledBy, message.associationId),
        this.shared,
        this.now,
      );
      await cancelMade(new SupportLedger(this.db, 'grants'), cancelled, ['GRANT'], (_part, made) =>
        context.applications.withdraw({ id: made, note: null }),
      );
      return;
    }
    const request = message as unknown as DomainEvent<SupportRequestedData>;
    for (const part of request.data.parts.filter((p) => p.kind === 'GRANT')) {
      await this.answer(request, part);
    }
    this.shared.events.wake();
  }

  private async answer(request: DomainEvent<SupportRequestedData>, part: SupportPartMessage) {
    const ledger = new SupportLedger(this.db, 'grants');
    const context = createGrantsContext(
      this.db,
      requesterIdentity(request.data.requestedBy, request.associationId!),
      this.shared,
      this.now,
    );
    const answered = await ledger.answered(part.id);
    if (answered) {
      // Made before, but the submission did not follow (a crash between the two).
      if (answered.targetId) await this.submitDraft(context, answered.targetId);
      return;
    }
    const d = part.details as GrantPartDetails;
    // The round's own name, or its program's: what the association applied to.
    const round = await context.loaders.round.load(d.roundId);
    const program = round ? await context.loaders.program.load(round.programId) : null;
    const name = round?.name ?? program?.name ?? null;
    const { origin, refuse } = answerer(
      this.shared.events,
      'grants',
      request,
      part,
      this.now,
      name,
    );
    try {
      await this.requireOpenEventRound(context, d.roundId);
      const title = request.data.event.title;
      const application = await context.applications.create(
        {
          roundId: d.roundId,
          associationId: request.associationId!,
          title: title.fi ?? title.sv ?? title.en ?? 'Tapahtuma',
          requestedAmount: d.requestedAmount,
          purpose: d.purpose,
        },
        origin,
      );
      await this.submitDraft(context, application.id);
    } catch (error) {
      if (await ledger.answered(part.id)) return;
      const reason = refusalOf(error, 'grant');
      if (reason === null) throw error;
      await this.db.transaction((manager) => refuse(manager, reason));
    }
  }

  private async requireOpenEventRound(context: GrantsContext, roundId: string): Promise<void> {
    const round = await context.loaders.round.load(roundId);
    if (!round) throw new NotFoundError('ApplicationRound', roundId);
    const program = await context.loaders.program.load(round.programId);
    if (program?.kind !== GrantKind.EVENT) {
      throw BadUserInputError.single(
        'input.roundId',
        'EVENT_GRANT',
        `the round is of a ${program?.kind ?? 'unknown'} program; an event's support takes an EVENT grant round`,
      );
    }
    const now = this.now();
    if (now < round.opensAt || now > round.closesAt) {
      throw BadUserInputError.single(
        'input.roundId',
        'ROUND_OPEN',
        `the round takes applications from ${round.opensAt.toISOString()} to ${round.closesAt.toISOString()}`,
      );
    }
  }

  private async submitDraft(context: GrantsContext, id: string): Promise<void> {
    const application = await context.applications.visible(id);
    if (application?.status === GrantApplicationStatus.DRAFT) {
      await context.applications.submit({ id, note: null });
    }
  }
}
