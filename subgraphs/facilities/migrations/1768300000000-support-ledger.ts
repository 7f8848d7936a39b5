import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createSupportLedger, dropSupportLedger } from '../../core/support-ledger.migration';

/** What this subgraph made for event support requests' parts (issue 29, item 3). */
export class SupportLedger1768300000000 implements MigrationInterface {
  name = 'SupportLedger1768300000000';

  async up(db: QueryRunner): Promise<void> {
    await createSupportLedger(db, 'facilities');
  }

  async down(db: QueryRunner): Promise<void> {
    await dropSupportLedger(db, 'facilities');
  }
}
