import type { DataSource } from 'typeorm';
import {
  type AssociationsData,
  createAssociationsRepositories,
} from '../associations.repositories';
import { Data } from '../../core/data';
import type { Address } from '../../core/types/address.type';
import type { Progress } from '../../core/progress';
import type { BusinessRegistry, RegistryRecord } from './business-registry';

export interface RegistrySyncReport {
  checked: number;
  /** Found in the register with the same name. */
  matching: number;
  /** Addresses filled in from the register (only where the directory had none). */
  enriched: Array<{ id: string; businessId: string; filled: string[] }>;
  nameDiffers: Array<{ id: string; businessId: string; name: string; registryName: string }>;
  notFound: Array<{ id: string; businessId: string; name: string }>;
  ended: Array<{ id: string; businessId: string; name: string; endDate: string }>;
  failed: Array<{ id: string; businessId: string; reason: string }>;
}

interface Row {
  id: string;
  name: { fi: string };
  business_id: string;
  address: Address | null;
}

const BATCH = 100;

const sameName = (a: string, b: string) =>
  a.trim().localeCompare(b.trim(), 'fi', { sensitivity: 'accent' }) === 0;

/**
 * Checks every association that has a business ID against the business register, and
 * fills in what the directory lacks. It never overwrites what a person entered: a differing
 * name or a dissolved association is reported for a human to decide.
 */
export class RegistrySyncService {
  private readonly data: AssociationsData;

  constructor(
    db: DataSource,
    private readonly registry: BusinessRegistry,
  ) {
    this.data = new Data(db, createAssociationsRepositories);
  }

  async run(options: { apply: boolean; onProgress?: Progress }): Promise<RegistrySyncReport> {
    const report: RegistrySyncReport = {
      checked: 0,
      matching: 0,
      enriched: [],
      nameDiffers: [],
      notFound: [],
      ended: [],
      failed: [],
    };
    const repository = this.data.repositories.associations;
    const total = await repository.countWithBusinessId();
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Row[] = await repository.withBusinessIdAfter(after, BATCH);
      if (rows.length === 0) break;
      for (const row of rows) {
        await this.check(row, report, options.apply);
        report.checked++;
        options.onProgress?.(report.checked, total);
      }
      after = rows[rows.length - 1].id;
    }
    return report;
  }

  private async check(row: Row, report: RegistrySyncReport, apply: boolean): Promise<void> {
    const businessId = row.business_id;
    let record: RegistryRecord | null;
    try {
      record = await this.registry.findByBusinessId(businessId);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      report.failed.push({ id: row.id, businessId, reason });
      return;
    }
    if (!record) {
      report.notFound.push({ id: row.id, businessId, name: row.name.fi });
      return;
    }
    if (record.endDate) {
      report.ended.push({ id: row.id, businessId, name: row.name.fi, endDate: record.endDate });
    }
    if (sameName(record.name, row.name.fi)) report.matching++;
    else {
      report.nameDiffers.push({
        id: row.id,
        businessId,
        name: row.name.fi,
        registryName: record.name,
      });
    }
    if (!row.address && record.address) {
      const { careOf, street, ...rest } = record.address;
      // The c/o line goes before the street, as it is written on an envelope.
      const withCareOf = { ...rest, street: [careOf, street].filter(Boolean).join(', ') || null };
      const address = Object.fromEntries(
        Object.entries(withCareOf).filter(([, v]) => v !== null && v !== ''),
      ) as Address;
      if (Object.keys(address).length === 0) return;
      report.enriched.push({ id: row.id, businessId, filled: ['address'] });
      if (apply) {
        await this.data.transaction(({ associations }) => associations.update(row.id, { address }));
      }
    }
  }
}
