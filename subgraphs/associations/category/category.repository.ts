import type { DataSource, EntityManager } from 'typeorm';
import { Category } from './category.entity';

/** All SQL about the category taxonomy. */
export class CategoryRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  all(): Promise<Category[]> {
    return this.db.getRepository(Category).find({ order: { sortOrder: 'ASC', slug: 'ASC' } });
  }

  categoriesByIds(ids: readonly string[]): Promise<Category[]> {
    return this.db
      .getRepository(Category)
      .createQueryBuilder('c')
      .where('c.id = ANY(:ids)', { ids })
      .orderBy('c.sort_order')
      .addOrderBy('c.slug')
      .getMany();
  }

  findBySlug(slug: string): Promise<Category | null> {
    return this.db.getRepository(Category).findOne({ where: { slug } });
  }

  /** Every association in each category, whatever its status. */
  async countAll(categoryIds: readonly string[]): Promise<Array<{ id: string; count: number }>> {
    const rows: Array<{ category_id: string; count: string }> = await this.db.query(
      `SELECT category_id, count(*) AS count FROM associations.association_category
        WHERE category_id = ANY($1) GROUP BY category_id`,
      [categoryIds],
    );
    return rows.map((r) => ({ id: r.category_id, count: Number(r.count) }));
  }

  async insert(values: Partial<Category>): Promise<string> {
    const result = await this.db.getRepository(Category).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async update(id: string, values: Partial<Category>): Promise<boolean> {
    if (Object.keys(values).length === 0) {
      return (await this.db.getRepository(Category).existsBy({ id })) as boolean;
    }
    const result = await this.db.getRepository(Category).update(id, values);
    return (result.affected ?? 0) > 0;
  }
}
