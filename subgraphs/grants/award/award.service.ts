import type { GrantsData } from '../grants.repositories';
import type { AssociationDirectory, AssociationProfile } from '../../core/association-directory';
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
    private readonly associations: AssociationDirectory,
  ) {}

  /**
   * The filter as a query, with its conditions on the applicants (municipality, kind)
   * turned into the ids of the associations that meet them: the associations subgraph owns
   * those attributes, so it is asked about the associations that applied under the rest of
   * the filter. `profiles` is set when the caller also needs them (to group by).
   */
  async resolve(
    filter: AwardedGrantFilter | null | undefined,
    needProfiles = false,
  ): Promise<{ query: AwardQuery; profiles?: ReadonlyMap<string, AssociationProfile> }> {
    const query = AwardService.query(filter);
    const municipalities = filter?.municipalityCodes;
    const kinds = filter?.associationKinds;
    const narrows = Boolean(municipalities?.length || kinds?.length);
    if (!narrows && !needProfiles) return { query };
    const profiles = await this.associations.profiles(
      await this.data.repositories.awards.applicantIds(query),
    );
    if (!narrows) return { query, profiles };
    const matching = [...profiles.entries()]
      .filter(
        ([, p]) =>
          (!municipalities?.length || municipalities.includes(p.municipalityCode)) &&
          (!kinds?.length || kinds.includes(p.kind)),
      )
      .map(([id]) => id);
    return { query: { ...query, associationIds: matching }, profiles };
  }

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
    given.municipalityCodes?.forEach((code, i) =>
      v.municipalityCode(`filter.municipalityCodes[${i}]`, code),
    );
    v.throwIfInvalid();
    return query;
  }

  async page(args: AwardedGrantsArgs): Promise<ConnectionResult<AwardedGrant>> {
    const { query } = await this.resolve(args.filter);
    const result = await this.data.repositories.awards.page(query, args);
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
