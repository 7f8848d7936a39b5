import type { DataSource } from 'typeorm';
import type { ConnectionResult } from '../../core/connection';
import { BadUserInputError, type FieldProblem } from '../../core/errors';
import { requireUuid, requireUuids } from '../../core/ids';
import type { Association } from './association.entity';
import { AssociationOrder } from './association.enums';
import type { AssociationsArgs } from './association.inputs';
import type { AssociationLoaders } from './association.loaders';
import { AssociationRepository } from './association.repository';
import { businessIdProblem } from './business-id';

const MUNICIPALITY_CODE = /^\d{3}$/;
const LANGUAGE_CODE = /^[a-z]{2}$/;

/** The rules of reading the directory. */
export class AssociationService {
  private readonly repository: AssociationRepository;

  constructor(
    db: DataSource,
    private readonly loaders: AssociationLoaders,
  ) {
    this.repository = new AssociationRepository(db);
  }

  byId(id: string): Promise<Association | null> {
    return this.loaders.association.load(requireUuid('id', id));
  }

  async byBusinessId(businessId: string): Promise<Association | null> {
    const value = businessId.trim();
    const problem = businessIdProblem(value);
    if (problem === 'FORMAT') {
      throw BadUserInputError.single(
        'businessId',
        'FORMAT',
        'must look like 1234567-8 (seven digits, a hyphen, a check digit)',
      );
    }
    if (problem === 'CHECK_DIGIT') {
      throw BadUserInputError.single(
        'businessId',
        'CHECK_DIGIT',
        `${value} has a wrong check digit`,
      );
    }
    return this.repository.findByBusinessId(value);
  }

  list(args: AssociationsArgs): Promise<ConnectionResult<Association>> {
    const filter = args.filter ?? {};
    const problems: FieldProblem[] = [];
    filter.municipalityCodes?.forEach((code, i) => {
      if (!MUNICIPALITY_CODE.test(code)) {
        problems.push({
          field: `filter.municipalityCodes[${i}]`,
          rule: 'FORMAT',
          message: 'must be a three-digit municipality code, e.g. "398"',
        });
      }
    });
    filter.languages?.forEach((code, i) => {
      if (!LANGUAGE_CODE.test(code)) {
        problems.push({
          field: `filter.languages[${i}]`,
          rule: 'FORMAT',
          message: 'must be a two-letter ISO 639-1 code, e.g. "sv"',
        });
      }
    });
    if (filter.search !== undefined && filter.search !== null && filter.search.length > 200) {
      problems.push({
        field: 'filter.search',
        rule: 'MAX_LENGTH',
        message: 'must be at most 200 characters',
      });
    }
    if (problems.length) throw new BadUserInputError(problems);
    const checked = {
      ...filter,
      serviceAreaIds: requireUuids('filter.serviceAreaIds', filter.serviceAreaIds),
    };
    return this.repository.page(checked, args.orderBy ?? AssociationOrder.NAME, args);
  }
}
