import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  addEditVersions,
  dropEditVersions,
  type EditVersionTable,
} from '../../core/edit-versions.migration';

const TABLES: EditVersionTable[] = [
  // Raised by its own writes: its search indexer rewrites rows in the background, which is
  // no edit and must not make an editor's version stale.
  { table: 'association', trigger: false },
  { table: 'contact_person' },
  { table: 'activity' },
  { table: 'category' },
  { table: 'service_area' },
  { table: 'city_liaison' },
];

/**
 * Edit versions (issue 28, item 12): every change raises a row's version by one, and an
 * update names the version its author read (core/versioning.ts). Existing rows start at 1.
 * Additive: a column with a default, no rewrite of the table. How: core/edit-versions.migration.ts.
 */
export class EditVersions1768000000000 implements MigrationInterface {
  name = 'EditVersions1768000000000';

  async up(db: QueryRunner): Promise<void> {
    await addEditVersions(db, 'associations', TABLES);
  }

  async down(db: QueryRunner): Promise<void> {
    await dropEditVersions(db, 'associations', TABLES);
  }
}
