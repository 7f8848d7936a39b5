import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  addEditVersions,
  dropEditVersions,
  type EditVersionTable,
} from '../../core/edit-versions.migration';

const TABLES: EditVersionTable[] = [{ table: 'event' }, { table: 'milestone' }];

/**
 * Edit versions (issue 28, item 12): every change raises a row's version by one, and an
 * update names the version its author read (core/versioning.ts). Existing rows start at 1.
 * Additive: a column with a default, no rewrite of the table. How: core/edit-versions.migration.ts.
 */
export class EditVersions1768000000000 implements MigrationInterface {
  name = 'EditVersions1768000000000';

  async up(db: QueryRunner): Promise<void> {
    await addEditVersions(db, 'events', TABLES);
  }

  async down(db: QueryRunner): Promise<void> {
    await dropEditVersions(db, 'events', TABLES);
  }
}
