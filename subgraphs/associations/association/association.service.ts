import type { Connection } from '../../core/data';
import type { DomainEventBus } from '../../core/domain-events';
import { expectedVersionOf, staleVersion } from '../../core/versioning';
import type { AssociationsData, AssociationsRepositories } from '../associations.repositories';
import { PgErrorCode, pgErrorCode } from '../../core/database';
import { isCityStaff, representsAssociation, requireThat } from '../../core/authorization';
import type { ConnectionResult } from '../../core/connection';
import { BadUserInputError, ConflictError, NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import { Validator } from '../../core/validation';
import type { AssociationLoaders } from '../associations.loaders';
import type { Association } from './association.entity';
import { AssociationOrder, AssociationStatus } from './association.enums';
import type {
  AssociationFilter,
  AssociationsArgs,
  CreateAssociationInput,
  UpdateAssociationInput,
} from './association.inputs';
import { AssociationRepository } from './association.repository';
import { MAX_SEARCH_WORDS, searchWords } from './association.search';
import {
  type AssociationChanges,
  checkBusinessId,
  checkCreateAssociation,
  checkUpdateAssociation,
  PROFILE_FIELDS,
} from './association.validation';

const UNIQUE_FIELDS: Record<string, string> = {
  association_business_id_key: 'businessId',
  association_register_number_key: 'registerNumber',
};

/** The rules of reading and keeping the directory. */
export class AssociationService {
  constructor(
    private readonly data: AssociationsData,
    private readonly loaders: AssociationLoaders,
    private readonly identity: Identity,
    private readonly events: DomainEventBus,
    private readonly now: () => Date = () => new Date(),
  ) {}

  byId(id: string): Promise<Association | null> {
    return this.loaders.association.load(requireUuid('id', id));
  }

  /** An association that must exist, e.g. the parent of a contact person. */
  async existing(id: string): Promise<Association> {
    const association = await this.loaders.association.load(id);
    if (!association) throw new NotFoundError('Association', id);
    return association;
  }

  async byBusinessId(businessId: string): Promise<Association | null> {
    const v = new Validator();
    const value = checkBusinessId(v, 'businessId', businessId);
    if (!value) v.problem('businessId', 'REQUIRED', 'must not be empty');
    v.throwIfInvalid();
    return this.data.repositories.associations.findByBusinessId(value as string);
  }

  list(args: AssociationsArgs): Promise<ConnectionResult<Association>> {
    const filter = this.checkFilter(args.filter ?? {});
    const searching = Boolean(filter.search?.trim());
    const order = args.orderBy ?? (searching ? AssociationOrder.RELEVANCE : AssociationOrder.NAME);
    if (order === AssociationOrder.RELEVANCE && !searching) {
      throw BadUserInputError.single(
        'orderBy',
        'NEEDS_SEARCH',
        'RELEVANCE needs filter.search: without words there is nothing to rank by',
      );
    }
    return this.data.repositories.associations.page(filter, order, args);
  }

  /**
   * Counts per category under the filter, ignoring the filter's own categoryIds: a site
   * drawing facets shows how many it would get by picking another category too.
   */
  countByCategory(filter: AssociationFilter | null | undefined): Promise<Map<string, number>> {
    const checked = this.checkFilter(filter ?? {});
    return this.data.repositories.associations.countByCategory({
      ...checked,
      categoryIds: undefined,
    });
  }

  async create(input: CreateAssociationInput): Promise<Association> {
    requireThat(this.identity, isCityStaff(this.identity), 'adding associations is for city staff');
    const changes = checkCreateAssociation(input, this.now());
    const id = await this.write(async ({ associations: repository }) => {
      await this.checkReferences(repository, changes, null);
      // A new association is ACTIVE unless the input says otherwise: the column's default.
      return repository.insert(changes);
    });
    return this.fresh(id);
  }

  async update(input: UpdateAssociationInput): Promise<Association> {
    const id = requireUuid('input.id', input.id);
    this.authorizeUpdate(id, input);
    const changes = checkUpdateAssociation(input, this.now());
    const expected = expectedEdit(input);
    await this.write(async ({ associations: repository }) => {
      await this.checkReferences(repository, changes, id);
      const result = await repository.update(id, changes, expected);
      if (result === 'NOT_FOUND') throw new NotFoundError('Association', id);
      if (typeof result === 'object') {
        if (expected.version != null) {
          throw staleVersion('Association', id, expected.version, result.stale);
        }
        throw new ConflictError(
          `Association ${id} was changed by someone else after ${input.expectedUpdatedAt?.toISOString()} (it is at version ${result.stale} now); reload it and apply your change again`,
          { field: 'input.expectedUpdatedAt', currentVersion: result.stale },
        );
      }
    });
    return this.fresh(id);
  }

  /** Archiving keeps the record for history and marks it DISSOLVED. */
  async archive(idArg: string): Promise<Association> {
    const id = requireUuid('id', idArg);
    requireThat(
      this.identity,
      isCityStaff(this.identity),
      'archiving associations is for city staff',
    );
    await this.write(async ({ associations: repository }) => {
      const result = await repository.update(id, { status: AssociationStatus.DISSOLVED });
      if (result === 'NOT_FOUND') throw new NotFoundError('Association', id);
    });
    return this.fresh(id);
  }

  /** Representatives of this association and staff may change its profile and people. */
  requireProfileRights(associationId: string, action: string): void {
    requireThat(
      this.identity,
      isCityStaff(this.identity) || representsAssociation(this.identity, associationId),
      action,
    );
  }

  /** Re-reads after a write, past the request's loader cache. */
  async fresh(id: string): Promise<Association> {
    this.loaders.association.clear(id);
    this.loaders.categoryIdsOfAssociation.clear(id);
    this.loaders.serviceAreaIdsOfAssociation.clear(id);
    return this.existing(id);
  }

  /**
   * Changes a part of an association (an activity, a contact person) in one transaction
   * with the association's `updatedAt`, so an incremental sync sees the part change.
   */
  changePart<T>(
    associationId: string,
    work: (repositories: AssociationsRepositories) => Promise<T>,
  ): Promise<T> {
    return this.write(async (repositories) => {
      const result = await work(repositories);
      await repositories.associations.touch(associationId);
      return result;
    });
  }

  /**
   * A change of the association's contact persons: as changePart, and in the same
   * transaction the register as it now stands is told to the subgraphs that write to those
   * people (communications: decisions about the association reach its contacts).
   */
  async changeContacts<T>(
    associationId: string,
    work: (repositories: AssociationsRepositories) => Promise<T>,
  ): Promise<T> {
    const result = await this.write(async (repositories, connection) => {
      const done = await work(repositories);
      await repositories.associations.touch(associationId);
      const people = await repositories.contacts.ofAssociations([associationId]);
      const at = this.now();
      await this.events.record(connection, {
        type: 'association.contacts-changed',
        entity: { type: 'Association', id: associationId },
        sequence: at.getTime(),
        associationId,
        occurredAt: at.toISOString(),
        data: {
          contacts: people.map((p) => ({ id: p.id, name: p.name, role: p.role, email: p.email })),
        },
      });
      return done;
    });
    this.events.wake();
    return result;
  }

  /** Runs `work` in one transaction; a unique clash on an identifier becomes CONFLICT. */
  async write<T>(
    work: (repositories: AssociationsRepositories, connection: Connection) => Promise<T>,
  ) {
    try {
      return await this.data.transaction(work);
    } catch (error) {
      const pg = error as { code?: string; constraint?: string };
      const field = pg.constraint ? UNIQUE_FIELDS[pg.constraint] : undefined;
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION && field) {
        throw new ConflictError(`Another association already has this ${field}`, {
          field: `input.${field}`,
        });
      }
      throw error;
    }
  }

  private authorizeUpdate(id: string, input: UpdateAssociationInput): void {
    if (isCityStaff(this.identity)) return;
    this.requireProfileRights(id, `changing association ${id}`);
    const given = Object.entries(input)
      .filter(
        ([field, value]) =>
          value !== undefined &&
          field !== 'id' &&
          !['expectedUpdatedAt', 'expectedVersion', 'overwrite'].includes(field),
      )
      .map(([field]) => field);
    const staffOnly = given.filter(
      (field) => !PROFILE_FIELDS.includes(field as keyof AssociationChanges),
    );
    requireThat(
      this.identity,
      staffOnly.length === 0,
      `representatives may change the profile, not ${staffOnly.map((f) => `input.${f}`).join(', ')}`,
    );
  }

  /** Categories and service areas must exist; identifiers must not belong to another. */
  private async checkReferences(
    repository: AssociationRepository,
    changes: AssociationChanges,
    selfId: string | null,
  ): Promise<void> {
    const v = new Validator();
    for (const [field, table, ids] of [
      ['categoryIds', 'category', changes.categoryIds],
      ['serviceAreaIds', 'service_area', changes.serviceAreaIds],
    ] as const) {
      if (!ids?.length) continue;
      const found = await repository.existing(table, ids);
      ids.forEach((id, i) => {
        if (!found.has(id)) v.problem(`input.${field}[${i}]`, 'NOT_FOUND', `${id} does not exist`);
      });
    }
    v.throwIfInvalid();
    const owners = [
      ['businessId', changes.businessId && (await repository.findByBusinessId(changes.businessId))],
      [
        'registerNumber',
        changes.registerNumber && (await repository.findByRegisterNumber(changes.registerNumber)),
      ],
    ] as const;
    for (const [field, owner] of owners) {
      if (owner && owner.id !== selfId) {
        throw new ConflictError(
          `${owner.name.fi} already has this ${field}; one association, one record`,
          { field: `input.${field}`, associationId: owner.id },
        );
      }
    }
  }

  private checkFilter(filter: AssociationFilter): AssociationFilter {
    const v = new Validator();
    filter.municipalityCodes?.forEach((code, i) =>
      v.municipalityCode(`filter.municipalityCodes[${i}]`, code),
    );
    const languages = v.languageCodes('filter.languages', filter.languages);
    const categoryIds = v.ids('filter.categoryIds', filter.categoryIds);
    const serviceAreaIds = v.ids('filter.serviceAreaIds', filter.serviceAreaIds);
    v.text('filter.search', filter.search, { max: 200 });
    if (filter.search && searchWords(filter.search).length > MAX_SEARCH_WORDS) {
      v.problem('filter.search', 'MAX_WORDS', `must have at most ${MAX_SEARCH_WORDS} words`);
    }
    v.throwIfInvalid();
    return { ...filter, languages, categoryIds, serviceAreaIds };
  }
}

/**
 * What an association's editor saw: its `version` (or, as clients did before versions, its
 * `updatedAt`), or an explicit overwrite. One of them is required.
 */
function expectedEdit(input: UpdateAssociationInput): {
  updatedAt?: Date | null;
  version?: number | null;
} {
  if (input.expectedUpdatedAt && input.expectedVersion == null && !input.overwrite) {
    return { updatedAt: input.expectedUpdatedAt };
  }
  const v = new Validator();
  const version = expectedVersionOf(v, input);
  if (input.expectedUpdatedAt && (version !== null || input.overwrite)) {
    v.problem(
      'input.expectedUpdatedAt',
      'ONE_OF',
      'give one of expectedVersion, expectedUpdatedAt or overwrite: true',
    );
  }
  v.throwIfInvalid();
  return { version };
}
