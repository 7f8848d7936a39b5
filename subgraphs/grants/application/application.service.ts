import type { SupportOrigin } from '../../core/event-support';
import type { DomainEventBus } from '../../core/domain-events';
import { expectedVersionOf, staleVersion } from '../../core/versioning';
import type { GrantsData } from '../grants.repositories';
import { type AssociationDirectory, requireAssociations } from '../../core/association-directory';
import {
  associationScope,
  isCityStaff,
  representsAssociation,
  requireThat,
  worksInServiceArea,
} from '../../core/authorization';
import type { ConnectionResult, PageArgs } from '../../core/connection';
import { ConflictError, NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import { compareMoney, fromCents, sumMoney, toCents } from '../../core/money';
import { type Money, euros } from '../../core/types/money.type';
import { Validator } from '../../core/validation';
import type { GrantLoaders } from '../grants.loaders';
import type { GrantProgram } from '../program/program.entity';
import type { ApplicationRound } from '../round/round.entity';
import type { Attachment, GrantApplication } from './application.entity';
import { BudgetLineKind, GrantApplicationStatus } from './application.enums';
import type {
  CreateGrantApplicationInput,
  DecideGrantApplicationInput,
  GrantApplicationFields,
  GrantApplicationStepInput,
  GrantApplicationsArgs,
  ReportGrantUsageInput,
  UpdateGrantApplicationInput,
} from './application.inputs';
import { type ApplicationValues, GrantApplicationRepository } from './application.repository';
import {
  type Actor,
  type GrantAction,
  TRANSITIONS,
  checkDecisionAmount,
} from './application.transitions';
import type { BudgetLine, GrantDecision, LineRow, StatusChange } from './application.types';

const DECIDED = [
  GrantApplicationStatus.APPROVED,
  GrantApplicationStatus.PARTIALLY_APPROVED,
  GrantApplicationStatus.REJECTED,
  GrantApplicationStatus.PAID,
  GrantApplicationStatus.REPORTED,
];

/**
 * Grant applications: drafts and their budgets, and every move of their status. Each move
 * is checked against TRANSITIONS (who, from where), then its own rules, and recorded in
 * the history in the same statement that moves it; a move that lost a race is CONFLICT.
 * Applications are visible only to the applicant's representatives and city staff.
 */
export class GrantApplicationService {
  constructor(
    private readonly data: GrantsData,
    private readonly loaders: GrantLoaders,
    private readonly identity: Identity,
    private readonly associations: AssociationDirectory,
    private readonly events: DomainEventBus,
    private readonly now: () => Date = () => new Date(),
  ) {}

  maySee(application: Pick<GrantApplication, 'associationId'>): boolean {
    return (
      isCityStaff(this.identity) || representsAssociation(this.identity, application.associationId)
    );
  }

  async byId(id: string): Promise<GrantApplication | null> {
    const application = await this.loaders.application.load(requireUuid('id', id));
    return application && this.maySee(application) ? application : null;
  }

  /** For a reference from another subgraph: null, not an error, for an id one may not see. */
  async visible(id: string): Promise<GrantApplication | null> {
    const application = await this.loaders.application.load(id);
    return application && this.maySee(application) ? application : null;
  }

  list(args: GrantApplicationsArgs): Promise<ConnectionResult<GrantApplication>> {
    const filter = args.filter ?? {};
    const v = new Validator();
    const requested = v.ids('filter.associationIds', filter.associationIds);
    const roundIds = v.ids('filter.roundIds', filter.roundIds);
    const programIds = v.ids('filter.programIds', filter.programIds);
    v.int('filter.year', filter.year, { min: 2000, max: 2100 });
    v.throwIfInvalid();
    const associationIds = associationScope(this.identity, requested, 'grant applications');
    return this.data.repositories.applications.page(
      { ...filter, associationIds, roundIds, programIds },
      args,
    );
  }

  ofAssociation(
    associationId: string,
    args: PageArgs,
  ): Promise<ConnectionResult<GrantApplication>> {
    requireThat(
      this.identity,
      this.maySee({ associationId }),
      `reading grant applications of ${associationId}`,
    );
    return this.data.repositories.applications.page({ associationIds: [associationId] }, args);
  }

  async roundOf(application: GrantApplication): Promise<ApplicationRound> {
    const round = await this.loaders.round.load(application.roundId);
    if (!round) throw new NotFoundError('ApplicationRound', application.roundId);
    return round;
  }

  requested(application: GrantApplication): Money {
    return euros(application.requestedAmount)!;
  }

  decision(application: GrantApplication): GrantDecision | null {
    if (
      !DECIDED.includes(application.status) ||
      !application.decidedAt ||
      !application.decisionOutcome
    ) {
      return null;
    }
    return {
      outcome: application.decisionOutcome,
      awardedAmount: euros(application.awardedAmount ?? '0.00')!,
      decidedAt: application.decidedAt,
      decisionBody: application.decisionBody,
      note: application.decisionNote,
    };
  }

  async history(application: GrantApplication): Promise<StatusChange[]> {
    return this.loaders.historyOfApplication.load(application.id);
  }

  async budget(application: GrantApplication): Promise<BudgetLine[]> {
    return (await this.loaders.linesOfApplication.load(application.id)).map((l) => ({
      kind: l.kind,
      label: l.label,
      amount: euros(l.amount)!,
    }));
  }

  /** Exact sums of the budget by kind, and the cost left after income and other funding. */
  async budgetTotals(application: GrantApplication) {
    const lines = await this.loaders.linesOfApplication.load(application.id);
    const total = (kind: BudgetLineKind) =>
      sumMoney(lines.filter((l) => l.kind === kind).map((l) => l.amount));
    const income = total(BudgetLineKind.INCOME);
    const costs = total(BudgetLineKind.COST);
    const otherFunding = total(BudgetLineKind.OTHER_FUNDING);
    return {
      income: euros(income)!,
      costs: euros(costs)!,
      otherFunding: euros(otherFunding)!,
      uncovered: euros(fromCents(toCents(costs) - toCents(income) - toCents(otherFunding)))!,
    };
  }

  /** `origin`: the application is the grant part of an event's support request. */
  async create(
    input: CreateGrantApplicationInput,
    origin?: SupportOrigin,
  ): Promise<GrantApplication> {
    const v = new Validator();
    const roundId = v.ids('input.roundId', [input.roundId])?.[0];
    const associationId = v.ids('input.associationId', [input.associationId])?.[0];
    const title = v.text('input.title', input.title, { max: 300, required: true });
    this.checkRequested(v, input.requestedAmount);
    const fields = this.checkFields(v, input);
    v.throwIfInvalid();
    requireThat(
      this.identity,
      representsAssociation(this.identity, associationId!),
      `applying for grants for association ${associationId} (only its representatives may)`,
    );
    await requireAssociations(this.associations, [associationId!]);
    const round = await this.loaders.round.load(roundId!);
    if (!round) throw new NotFoundError('ApplicationRound', roundId!);
    const actor = this.identity.subject ?? 'unknown';
    const id = await this.data.transaction(async ({ applications: repository }, connection) => {
      const newId = await repository.insert({
        roundId: round.id,
        associationId: associationId!,
        createdBy: actor,
        title: title!,
        purpose: fields.values.purpose ?? null,
        requestedAmount: input.requestedAmount,
        attachments: fields.values.attachments ?? [],
      });
      if (fields.lines) await repository.replaceLines(newId, fields.lines);
      await repository.recordStart(newId, actor, this.identity.role);
      await origin?.made(connection, newId);
      return newId;
    });
    return this.fresh(id);
  }

  async update(input: UpdateGrantApplicationInput): Promise<GrantApplication> {
    const application = await this.existing(requireUuid('input.id', input.id));
    requireThat(
      this.identity,
      representsAssociation(this.identity, application.associationId),
      'changing an application (the applicant’s representatives)',
    );
    const v = new Validator();
    if (application.status !== GrantApplicationStatus.DRAFT) {
      v.problem(
        'input.id',
        'NOT_A_DRAFT',
        `a ${application.status} application can no longer be changed`,
      );
    }
    const values: ApplicationValues = {};
    if (input.title !== undefined)
      values.title = v.text('input.title', input.title, { max: 300, required: true })!;
    if (input.requestedAmount !== undefined) {
      if (input.requestedAmount === null)
        v.problem('input.requestedAmount', 'REQUIRED', 'cannot be cleared');
      else this.checkRequested(v, input.requestedAmount);
      values.requestedAmount = input.requestedAmount ?? undefined;
    }
    const fields = this.checkFields(v, input);
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    await this.data.transaction(async ({ applications: repository }) => {
      // Under the row's lock: an edit racing this one waits, then finds the version moved.
      const current = await repository.lockedVersion(application.id);
      if (current === null) throw new NotFoundError('GrantApplication', application.id);
      if (expected !== null && current !== expected) {
        throw staleVersion('GrantApplication', application.id, expected, current);
      }
      if (!(await repository.updateDraft(application.id, { ...values, ...fields.values }))) {
        throw new ConflictError('input.id: the application was submitted meanwhile; reload it', {
          field: 'input.id',
        });
      }
      if (fields.lines) await repository.replaceLines(application.id, fields.lines);
    });
    return this.fresh(application.id);
  }

  submit(input: GrantApplicationStepInput): Promise<GrantApplication> {
    return this.move('SUBMIT', input, (v, _application, round) => {
      const now = this.now();
      if (now < round.opensAt || now > round.closesAt) {
        v.problem(
          'input.id',
          'ROUND_CLOSED',
          `the round takes applications from ${round.opensAt.toISOString()} to ${round.closesAt.toISOString()}`,
        );
      }
      return { submitted: true };
    });
  }

  startReview(input: GrantApplicationStepInput): Promise<GrantApplication> {
    return this.move('START_REVIEW', input, () => ({}));
  }

  decide(input: DecideGrantApplicationInput): Promise<GrantApplication> {
    return this.move(
      'DECIDE',
      input,
      (v, application) => {
        checkDecisionAmount(v, input.outcome, input.awardedAmount, application.requestedAmount);
        const note = v.text('input.note', input.note, { max: 5000 });
        if (input.outcome === 'REJECTED' && !note)
          v.problem('input.note', 'REQUIRED', 'give the reasons for a rejection');
        return {
          awardedAmount: input.awardedAmount,
          decisionBody: v.text('input.decisionBody', input.decisionBody, { max: 300 }) ?? null,
          decisionNote: note ?? null,
          decided: true,
        };
      },
      input.outcome as unknown as GrantApplicationStatus,
    );
  }

  pay(input: GrantApplicationStepInput): Promise<GrantApplication> {
    return this.move('PAY', input, () => ({ paid: true }));
  }

  report(input: ReportGrantUsageInput): Promise<GrantApplication> {
    return this.move('REPORT', { id: input.id }, (v) => ({
      usageReport: v.text('input.report', input.report, { max: 20_000, required: true }) ?? '',
    }));
  }

  withdraw(input: GrantApplicationStepInput): Promise<GrantApplication> {
    return this.move('WITHDRAW', input, () => ({}));
  }

  /** Who the caller is to this application, if anyone who may move it. */
  private actorOf(application: GrantApplication, program: GrantProgram): Actor | null {
    if (representsAssociation(this.identity, application.associationId)) return 'APPLICANT';
    const staff = program.serviceAreaId
      ? worksInServiceArea(this.identity, program.serviceAreaId)
      : isCityStaff(this.identity);
    return staff ? 'STAFF' : null;
  }

  private async move(
    action: GrantAction,
    input: { id: string; note?: string | null },
    rules: (
      v: Validator,
      application: GrantApplication,
      round: ApplicationRound,
    ) => Parameters<GrantApplicationRepository['transition']>[4],
    outcome?: GrantApplicationStatus,
  ): Promise<GrantApplication> {
    // One who may not see the application is told NOT_FOUND, exactly as for an id that does
    // not exist (FORBIDDEN would confirm it exists); one who may see it but not make this
    // move (staff of another area, an applicant deciding) is told FORBIDDEN.
    const application = await this.existing(requireUuid('input.id', input.id));
    const round = await this.roundOf(application);
    const program = await this.loaders.program.load(round.programId);
    if (!program) throw new NotFoundError('GrantProgram', round.programId);
    const rule = TRANSITIONS[action];
    requireThat(
      this.identity,
      this.actorOf(application, program) === rule.actor,
      `${action.toLowerCase().replace('_', ' ')} of a grant application (${rule.actor === 'STAFF' ? "the program's service area staff" : "the applicant's representatives"})`,
    );
    const v = new Validator();
    if (!rule.from.includes(application.status)) {
      v.problem(
        'input.id',
        'STATUS_TRANSITION',
        `a ${application.status} application cannot be moved by ${action}; only ${rule.from.join(' or ')} ones can`,
      );
      v.throwIfInvalid();
    }
    const note = v.text('input.note', input.note, { max: 5000 }) ?? null;
    const values = rules(v, application, round);
    v.throwIfInvalid();
    const to = rule.to === 'OUTCOME' ? outcome! : rule.to;
    // A decision and the event that tells the applicant are one transaction.
    const moved = await this.data.transaction(
      async ({ applications, supportLedger }, connection) => {
        const done = await applications.transition(
          application.id,
          application.status,
          to,
          {
            actor: this.identity.subject ?? 'unknown',
            actorRole: this.identity.role,
            note: values?.decisionNote ?? note,
          },
          values,
        );
        if (done && action === 'DECIDE') {
          await this.events.record(connection, {
            type: 'grant-application.decided',
            entity: { type: 'GrantApplication', id: application.id },
            sequence: application.version + 1,
            associationId: application.associationId,
            serviceAreaIds: program.serviceAreaId ? [program.serviceAreaId] : [],
            occurredAt: this.now().toISOString(),
            data: {
              applicationId: application.id,
              title: application.title,
              status: to,
              awarded: values?.awardedAmount ?? null,
              note: values?.decisionNote ?? null,
              supportPartId: await supportLedger.partOf(application.id),
            },
          });
        }
        if (done && action === 'WITHDRAW') {
          // An application made for an event's support request: its part is cancelled.
          const supportPartId = await supportLedger.partOf(application.id);
          if (supportPartId) {
            await this.events.record(connection, {
              type: 'grant-application.withdrawn',
              entity: { type: 'GrantApplication', id: application.id },
              sequence: application.version + 1,
              associationId: application.associationId,
              occurredAt: this.now().toISOString(),
              data: { applicationId: application.id, status: 'WITHDRAWN', supportPartId },
            });
          }
        }
        return done;
      },
    );
    if (!moved) {
      throw new ConflictError(
        'input.id: the application was moved by someone else meanwhile; reload it',
        {
          field: 'input.id',
        },
      );
    }
    if (action === 'DECIDE' || action === 'WITHDRAW') this.events.wake();
    return this.fresh(application.id);
  }

  private checkRequested(v: Validator, amount: string): void {
    if (compareMoney(amount, '0') <= 0)
      v.problem('input.requestedAmount', 'MIN', 'must be more than 0');
  }

  private checkFields(v: Validator, input: GrantApplicationFields) {
    const values: ApplicationValues = {};
    if (input.purpose !== undefined)
      values.purpose = v.text('input.purpose', input.purpose, { max: 10_000 }) ?? null;
    if (input.attachments !== undefined) {
      values.attachments = (input.attachments ?? []).map((a, i): Attachment => ({
        title: v.text(`input.attachments[${i}].title`, a.title, { max: 200, required: true }) ?? '',
        url: v.url(`input.attachments[${i}].url`, a.url) ?? '',
      }));
    }
    let lines: Array<Omit<LineRow, 'applicationId'>> | undefined;
    if (input.budget !== undefined) {
      if ((input.budget ?? []).length > 200)
        v.problem('input.budget', 'MAX_ITEMS', 'must have at most 200 lines');
      lines = (input.budget ?? []).map((line, i) => {
        if (compareMoney(line.amount, '0') < 0)
          v.problem(`input.budget[${i}].amount`, 'MIN', 'must not be negative');
        return {
          kind: line.kind,
          label: v.text(`input.budget[${i}].label`, line.label, { max: 200, required: true }) ?? '',
          amount: line.amount,
        };
      });
    }
    return { values, lines };
  }

  private async existing(id: string): Promise<GrantApplication> {
    const application = await this.loaders.application.load(id);
    if (!application || !this.maySee(application)) throw new NotFoundError('GrantApplication', id);
    return application;
  }

  private async fresh(id: string): Promise<GrantApplication> {
    this.loaders.application.clear(id);
    this.loaders.historyOfApplication.clear(id);
    this.loaders.linesOfApplication.clear(id);
    return this.existing(id);
  }
}
