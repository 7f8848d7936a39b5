import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A municipality's directory in name order (issue 19): with 100,000 associations the
 * planner walked the name index past every other municipality's rows to find a small one's
 * first page (825 ms for Sysmä). One index in filter-then-order order makes any
 * municipality's page a range read, and its count an index-only scan; it also serves what
 * the municipality index alone did, so that one goes.
 */
export class MunicipalityPages1766400000000 implements MigrationInterface {
  name = 'MunicipalityPages1766400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX association_municipality_name_idx ON associations.association (municipality_code, name_sort, id)`,
    );
    await db.query(`DROP INDEX associations.association_municipality_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX association_municipality_idx ON associations.association (municipality_code)`,
    );
    await db.query(`DROP INDEX associations.association_municipality_name_idx`);
  }
}
