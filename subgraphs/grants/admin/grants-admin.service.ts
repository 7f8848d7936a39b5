import { expectedVersionOf } from '../../core/versioning';
import type { GrantsData } from '../grants.repositories';
import { isAdmin, requireThat, worksInServiceArea } from '../../core/authorization';
import { ConflictError, NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import { compareMoney } from '../../core/money';
import { helsinkiYear } from '../../core/time';
import { givenOnly, Validator } from '../../core/validation';
import type { GrantLoaders } from '../grants.loaders';
import type { GrantProgram } from '../program/program.entity';
import type { ApplicationRound } from '../round/round.entity';
import type {
  CreateApplicationRoundInput,
  CreateGrantProgramInput,
  GrantProgramFields,
  UpdateApplicationRoundInput,
  UpdateGrantProgramInput,
} from './grants-admin.inputs';
import { type ProgramValues, type RoundValues } from './grants-admin.repository';

/**
 * Keeping grant programs and their application rounds: the staff of the service area that
 * runs a program (who also decide its applications), or an admin; city-wide programs are
 * an admin's. Every rule broken is named at once, and nothing is written then.
 */
export class GrantsAdminService {
  constructor(
    private readonly data: GrantsData,
    private readonly loaders: GrantLoaders,
    private readonly identity: Identity,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private requireManager(serviceAreaId: string | null, action: string): void {
    requireThat(
      this.identity,
      serviceAreaId ? worksInServiceArea(this.identity, serviceAreaId) : isAdmin(this.identity),
      serviceAreaId
        ? `${action} (staff of the program's service area, or an admin)`
        : `${action} (city-wide programs are kept by admins)`,
    );
  }

  async createProgram(input: CreateGrantProgramInput): Promise<GrantProgram> {
    const v = new Validator();
    const name = v.localized('input.name', input.name, { max: 200, required: true });
    const serviceAreaId = input.serviceAreaId
      ? v.ids('input.serviceAreaId', [input.serviceAreaId])?.[0]
      : null;
    const fields = this.programFields(v, input);
    v.throwIfInvalid();
    this.requireManager(serviceAreaId ?? null, 'adding grant programs');
    const id = await this.data.repositories.admin.insertProgram({
      ...fields,
      name: name!,
      kind: input.kind,
      serviceAreaId: serviceAreaId ?? null,
    });
    return this.program(id);
  }

  async updateProgram(input: UpdateGrantProgramInput): Promise<GrantProgram> {
    const program = await this.program(requireUuid('input.id', input.id));
    this.requireManager(program.serviceAreaId, 'changing a grant program');
    const v = new Validator();
    const values: ProgramValues = this.programFields(v, input);
    if (input.name !== undefined) {
      values.name = v.localized('input.name', input.name, { max: 200, required: true })!;
    }
    if (input.kind === null) v.problem('input.kind', 'REQUIRED', 'a program has a kind');
    else if (input.kind !== undefined) values.kind = input.kind;
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    await this.data.edit(
      { table: 'grants.grant_program', entity: 'GrantProgram', id: program.id, expected },
      (r) => r.admin.updateProgram(program.id, values),
    );
    return this.program(program.id);
  }

  async createRound(input: CreateApplicationRoundInput): Promise<ApplicationRound> {
    const v = new Validator();
    const programId = v.ids('input.programId', [input.programId])?.[0];
    const year = v.int('input.year', input.year, { min: 2000, max: 2100 });
    const fields = this.roundFields(v, input, input.opensAt, input.closesAt);
    if (year !== undefined && year !== null) {
      const opensIn = helsinkiYear(input.opensAt);
      if (year !== opensIn && year !== opensIn + 1) {
        v.problem(
          'input.year',
          'YEAR_OF_WINDOW',
          `must be the year the window opens (${opensIn}) or the next`,
        );
      }
    }
    v.throwIfInvalid();
    const program = await this.program(programId!);
    this.requireManager(program.serviceAreaId, 'adding application rounds');
    const id = await this.data.repositories.admin.insertRound({
      ...fields,
      programId: program.id,
      year: year!,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      continuous: input.continuous ?? false,
    });
    return this.round(id);
  }

  async updateRound(input: UpdateApplicationRoundInput): Promise<ApplicationRound> {
    const round = await this.round(requireUuid('input.id', input.id));
    const program = await this.program(round.programId);
    this.requireManager(program.serviceAreaId, 'changing an application round');
    const v = new Validator();
    if (input.opensAt === null)
      v.problem('input.opensAt', 'REQUIRED', 'a round opens at some time');
    if (input.closesAt === null) v.problem('input.closesAt', 'REQUIRED', 'a round has a deadline');
    const opensAt = input.opensAt ?? round.opensAt;
    const closesAt = input.closesAt ?? round.closesAt;
    const values: RoundValues = this.roundFields(v, input, opensAt, closesAt, round);
    const moved = input.opensAt && input.opensAt.getTime() !== round.opensAt.getTime();
    if (moved && (await this.data.repositories.admin.hasSubmissions(round.id))) {
      v.problem(
        'input.opensAt',
        'ROUND_HAS_APPLICATIONS',
        'applications have been submitted to this round: its opening time stays',
      );
    }
    const now = this.now();
    if (input.closesAt && closesAt < now && round.closesAt >= now) {
      v.problem(
        'input.closesAt',
        'NOT_IN_PAST',
        'an open round cannot be closed in the past: drafts would be shut out unannounced',
      );
    }
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    if (moved) values.opensAt = opensAt;
    if (input.closesAt) values.closesAt = closesAt;
    if (
      !(await this.data.edit(
        { table: 'grants.application_round', entity: 'ApplicationRound', id: round.id, expected },
        (r) => r.admin.updateRound(round.id, values),
      ))
    ) {
      throw new ConflictError(
        'input.opensAt: an application was submitted to the round meanwhile; its opening time stays',
        { field: 'input.opensAt' },
      );
    }
    return this.round(round.id);
  }

  private programFields(v: Validator, input: GrantProgramFields): ProgramValues {
    const budget = input.yearlyBudget;
    if (budget !== undefined && budget !== null && compareMoney(budget, '0') < 0) {
      v.problem('input.yearlyBudget', 'MIN', 'must be 0 or more');
    }
    return givenOnly({
      description: v.localized('input.description', input.description, { max: 4000 }),
      summary: v.localized('input.summary', input.summary, { max: 4000 }),
      eligibility: v.localized('input.eligibility', input.eligibility, { max: 4000 }),
      rulesUrl: v.url('input.rulesUrl', input.rulesUrl),
      yearlyBudget: budget,
    });
  }

  /** The fields both round inputs share, checked against the window they will have. */
  private roundFields(
    v: Validator,
    input: CreateApplicationRoundInput | UpdateApplicationRoundInput,
    opensAt: Date,
    closesAt: Date,
    current?: ApplicationRound,
  ): RoundValues {
    if (closesAt <= opensAt) {
      v.problem('input.closesAt', 'AFTER_OPENS', 'must be later than the opening time');
    }
    const decision =
      input.decisionExpectedAt === undefined
        ? current?.decisionExpectedAt
        : input.decisionExpectedAt;
    if (decision && decision < closesAt) {
      v.problem('input.decisionExpectedAt', 'AFTER_CLOSES', 'must not be before the deadline');
    }
    if (
      input.budget !== undefined &&
      input.budget !== null &&
      compareMoney(input.budget, '0') < 0
    ) {
      v.problem('input.budget', 'MIN', 'must be 0 or more');
    }
    return givenOnly({
      name: v.localized('input.name', input.name, { max: 200 }),
      decisionExpectedAt: input.decisionExpectedAt,
      budget: input.budget,
    });
  }

  /** Read past the request's loader cache: the service may just have written it. */
  private async program(id: string): Promise<GrantProgram> {
    this.loaders.program.clear(id);
    const program = await this.loaders.program.load(id);
    if (!program) throw new NotFoundError('GrantProgram', id);
    return program;
  }

  private async round(id: string): Promise<ApplicationRound> {
    this.loaders.round.clear(id);
    const round = await this.loaders.round.load(id);
    if (!round) throw new NotFoundError('ApplicationRound', id);
    return round;
  }
}
