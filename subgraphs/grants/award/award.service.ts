import type { GrantsData } from '../grants.repositories';
import type { ConnectionResult } from '../../core/connection';
import { NotFoundError } from '../../core/errors';
import { euros, type Money } from '../../core/types/money.type';
import { Validator } from '../../core/validation';
import type { GrantApplication } from '../application/application.entity';
import type { GrantLoaders } from '../grants.loaders';
import type { ApplicationRound } from '../round/round.entity';
import type { AwardQuery } from './award.repository';
import type { AwardedGrant, AwardedGrantFilter, AwardedGrantsArgs } from './award.types';

/**
 * Who got what: public by design (equal, transparent treatment). Only decided awards are
 * shown, and only what a decision makes public — never drafts, budgets or reasons.
 */
export class AwardService {
  constructor(
    private readonly data: GrantsData,
    private readonly loaders: GrantLoaders,
  ) {}

  /** The checked form of a public filter, shared by awardedGrants and grantStatistics. */
  static query(filter: AwardedGrantFilter | null | undefined): AwardQuery {
    const given = filter ?? {};
    const v = new Validator();
    v.int('filter.year', given.year, { min: 2000, max: 2100 });
    const query: AwardQuery = {
      year: given.year,
      programIds: v.ids('filter.programIds', given.programIds),
      kinds: given.kinds,
      serviceAreaIds: v.ids('filter.serviceAreaIds', given.serviceAreaIds),
      associationIds: given.associationId
        ? v.ids('filter.associationId', [given.associationId])
        : undefined,
    };
    v.throwIfInvalid();
    return query;
  }

  async page(args: AwardedGrantsArgs): Promise<ConnectionResult<AwardedGrant>> {
    const result = await this.data.repositories.awards.page(AwardService.query(args.filter), args);
    const edges = await Promise.all(
      result.edges.map(async (e) => ({ cursor: e.cursor, node: await this.award(e.node) })),
    );
    return {
      edges,
      pageInfo: result.pageInfo,
      get totalCount() {
        return result.totalCount;
      },
    };
  }

  async ofAssociation(
    associationId: string,
    year: number | null | undefined,
  ): Promise<AwardedGrant[]> {
    const awards = await this.loaders.awardsOfAssociation(year).load(associationId);
    return Promise.all(awards.map((a) => this.award(a)));
  }

  async totalOf(associationId: string, year: number | null | undefined): Promise<Money> {
    return euros(await this.loaders.totalAwardedOfAssociation(year).load(associationId))!;
  }

  async roundOf(award: AwardedGrant): Promise<ApplicationRound> {
    const round = await this.loaders.round.load(award.roundId);
    if (!round) throw new NotFoundError('ApplicationRound', award.roundId);
    return round;
  }

  private async award(application: GrantApplication): Promise<AwardedGrant> {
    const round = await this.loaders.round.load(application.roundId);
    return {
      id: application.id,
      year: round?.year ?? 0,
      title: application.title,
      description: application.purpose,
      amountAwarded: euros(application.awardedAmount ?? '0.00')!,
      amountRequested: euros(application.requestedAmount)!,
      awardDate: application.decidedAt!,
      decisionBody: application.decisionBody,
      roundId: application.roundId,
      associationId: application.associationId,
    };
  }
}
