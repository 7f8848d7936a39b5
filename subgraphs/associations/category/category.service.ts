import { expectedVersionOf } from '../../core/versioning';
import type { AssociationsData } from '../associations.repositories';
import { isAdmin, requireThat } from '../../core/authorization';
import { ConflictError, NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import { givenOnly, Validator } from '../../core/validation';
import type { AssociationFilter } from '../association/association.inputs';
import type { AssociationService } from '../association/association.service';
import type { AssociationLoaders } from '../associations.loaders';
import type { Category } from './category.entity';
import type { CreateCategoryInput, UpdateCategoryInput } from './category.inputs';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The category taxonomy: public to read, kept by admins. */
export class CategoryService {
  constructor(
    private readonly data: AssociationsData,
    private readonly loaders: AssociationLoaders,
    private readonly identity: Identity,
    private readonly associations: AssociationService,
  ) {}

  /** Every category, each counting the associations that match `filter` (facets). */
  async all(filter: AssociationFilter | null | undefined): Promise<Category[]> {
    const [categories, counts] = await Promise.all([
      this.data.repositories.categories.all(),
      this.associations.countByCategory(filter),
    ]);
    return categories.map((c) => Object.assign(c, { associationCount: counts.get(c.id) ?? 0 }));
  }

  async ofAssociation(associationId: string): Promise<Category[]> {
    const links = await this.loaders.categoryIdsOfAssociation.load(associationId);
    const categories = await this.loaders.category.loadMany(links.map((l) => l.categoryId));
    return categories
      .filter((c): c is Category => c !== null && !(c instanceof Error))
      .sort((a, b) => a.sortOrder - b.sortOrder || a.slug.localeCompare(b.slug));
  }

  associationCount(category: Category): Promise<number> | number {
    return category.associationCount ?? this.loaders.associationCountOfCategory.load(category.id);
  }

  async create(input: CreateCategoryInput): Promise<Category> {
    requireThat(this.identity, isAdmin(this.identity), 'keeping the category list is for admins');
    const v = new Validator();
    const slug = v.text('input.slug', input.slug, { max: 60, required: true });
    if (slug && !SLUG.test(slug)) {
      v.problem('input.slug', 'FORMAT', 'must be lower-case letters and digits joined by dashes');
    }
    const values = this.checkFields(v, input);
    v.throwIfInvalid();
    if (await this.data.repositories.categories.findBySlug(slug!)) {
      throw new ConflictError(`A category with slug "${slug}" already exists`, {
        field: 'input.slug',
      });
    }
    const id = await this.data.repositories.categories.insert({ slug: slug!, ...values });
    return this.fresh(id);
  }

  async update(input: UpdateCategoryInput): Promise<Category> {
    requireThat(this.identity, isAdmin(this.identity), 'keeping the category list is for admins');
    const id = requireUuid('input.id', input.id);
    const v = new Validator();
    if (input.name === null) v.problem('input.name', 'REQUIRED', 'cannot be cleared');
    const values = this.checkFields(v, input);
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    if (
      !(await this.data.edit(
        { table: 'associations.category', entity: 'Category', id, expected },
        (r) => r.categories.update(id, values),
      ))
    )
      throw new NotFoundError('Category', id);
    return this.fresh(id);
  }

  private checkFields(v: Validator, input: CreateCategoryInput | UpdateCategoryInput) {
    return givenOnly({
      // A name is required on create; on update, omitted means unchanged.
      name:
        v.localized('input.name', input.name ?? undefined, {
          max: 100,
          required: 'slug' in input,
        }) ?? undefined,
      description: v.localized('input.description', input.description, { max: 1000 }),
      sortOrder: v.int('input.sortOrder', input.sortOrder, { min: 0, max: 10_000 }) ?? undefined,
    });
  }

  private async fresh(id: string): Promise<Category> {
    this.loaders.category.clear(id);
    const category = await this.loaders.category.load(id);
    if (!category) throw new NotFoundError('Category', id);
    return category;
  }
}
