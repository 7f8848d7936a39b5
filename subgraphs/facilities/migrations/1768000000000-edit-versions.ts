import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  addEditVersions,
  dropEditVersions,
  type EditVersionTable,
} from '../../core/edit-versions.migration';

const TABLES: EditVersionTable[] = [
  { table: 'facility' },
  // The booking sync stamps last_synced_at: no edit, so no new version.
  { table: 'space', when: 'OLD.last_synced_at IS NOT DISTINCT FROM NEW.last_synced_at' },
];

/**
 * Edit versions (issue 28, item 12): every change raises a row's version by one, and an
 * update names the version its author read (core/versioning.ts). Existing rows start at 1.
 * Additive: a column with a default, no rewrite of the table. How: core/edit-versions.migration.ts.
 */
export class EditVersions1768000000000 implements MigrationInterface {
  name = 'EditVersions1768000000000';

  async up(db: QueryRunner): Promise<void> {
    await addEditVersions(db, 'facilities', TABLES);
  }

  async down(db: QueryRunner): Promise<void> {
    await dropEditVersions(db, 'facilities', TABLES);
  }
}
