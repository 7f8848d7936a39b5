import type { DataSource } from 'typeorm';
import {
  type AssociationsData,
  createAssociationsRepositories,
} from '../associations.repositories';
import { Data } from '../../core/data';
import { BadUserInputError } from '../../core/errors';
import type { Progress } from '../../core/progress';
import type { CreateAssociationInput } from '../association/association.inputs';
import { checkCreateAssociation } from '../association/association.validation';
import type { ImportRecord } from './association-import.parser';

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows skipped, with where and why; the good rows around them are kept. */
  rejected: Array<{ line: number; reasons: string[] }>;
}

/**
 * Columns of a CSV file (JSON may use these or the GraphQL input's own shape). Lists are
 * separated by "|" or ";" inside a cell; categories are given by slug.
 */
export const IMPORT_COLUMNS = [
  'name_fi',
  'name_sv',
  'name_en',
  'kind',
  'status',
  'municipality_code',
  'business_id',
  'register_number',
  'founded_year',
  'member_count',
  'languages',
  'categories',
  'website',
  'email',
  'phone',
  'street',
  'postal_code',
  'city',
  'description_fi',
] as const;

const KINDS = [
  'REGISTERED_ASSOCIATION',
  'INFORMAL_GROUP',
  'FOUNDATION',
  'STATUTORY_COUNCIL',
  'OTHER',
];
const STATUSES = ['ACTIVE', 'DORMANT', 'DISSOLVED'];

const text = (v: unknown): string | undefined =>
  v === undefined || v === null || String(v).trim() === '' ? undefined : String(v).trim();
const list = (v: unknown): string[] | undefined =>
  Array.isArray(v)
    ? v.map(String)
    : text(v)
        ?.split(/[|;]/)
        .map((s) => s.trim())
        .filter(Boolean);
const integer = (v: unknown, field: string, problems: string[]): number | undefined => {
  const t = text(v);
  if (t === undefined) return undefined;
  if (!/^-?\d+$/.test(t)) {
    problems.push(`${field}: must be a whole number, got "${t}"`);
    return undefined;
  }
  return Number(t);
};

/**
 * The bulk importer. Each row is matched to an existing association by business ID, else
 * by register number; it is created, updated or left alone, in its own transaction. A row
 * that breaks a rule is reported and skipped. Running the same file twice changes nothing:
 * unchanged rows do not even move `updatedAt`.
 */
export class AssociationImportService {
  private readonly data: AssociationsData;

  constructor(db: DataSource) {
    this.data = new Data(db, createAssociationsRepositories);
  }

  async run(
    records: ImportRecord[],
    options: { onProgress?: Progress } = {},
  ): Promise<ImportReport> {
    const report: ImportReport = { created: 0, updated: 0, unchanged: 0, rejected: [] };
    const categoryIds = new Map(
      (await this.data.repositories.categories.all()).map((c) => [c.slug, c.id]),
    );
    for (const [i, record] of records.entries()) {
      const problems: string[] = [];
      const input = this.toInput(record.values, categoryIds, problems);
      try {
        if (problems.length > 0) throw new RowRejected(problems);
        const outcome = await this.importOne(input);
        report[outcome]++;
      } catch (error) {
        if (error instanceof RowRejected) {
          report.rejected.push({ line: record.line, reasons: error.reasons });
        } else if (error instanceof BadUserInputError) {
          report.rejected.push({
            line: record.line,
            reasons: error.problems.map((p) => `${p.field.replace(/^input\./, '')}: ${p.message}`),
          });
        } else {
          throw error;
        }
      }
      options.onProgress?.(i + 1, records.length);
    }
    return report;
  }

  private async importOne(
    input: CreateAssociationInput,
  ): Promise<'created' | 'updated' | 'unchanged'> {
    const changes = checkCreateAssociation(input, new Date());
    if (!changes.businessId && !changes.registerNumber) {
      throw new RowRejected([
        'business_id or register_number is required: without one the row cannot be matched on the next run',
      ]);
    }
    return this.data.transaction(async ({ associations: repository }) => {
      const byBusinessId = changes.businessId
        ? await repository.findByBusinessId(changes.businessId)
        : null;
      const byRegister = changes.registerNumber
        ? await repository.findByRegisterNumber(changes.registerNumber)
        : null;
      if (byBusinessId && byRegister && byBusinessId.id !== byRegister.id) {
        throw new RowRejected([
          `business_id matches "${byBusinessId.name.fi}" but register_number matches "${byRegister.name.fi}"`,
        ]);
      }
      const existing = byBusinessId ?? byRegister;
      if (!existing) {
        await repository.insert(changes);
        return 'created';
      }
      const result = await repository.update(existing.id, changes);
      return result === 'UNCHANGED' ? 'unchanged' : 'updated';
    });
  }

  private toInput(
    v: Record<string, unknown>,
    categoryIds: Map<string, string>,
    problems: string[],
  ): CreateAssociationInput {
    if ('__notAnObject' in v) problems.push('the record must be an object');
    const name = (v.name as Record<string, unknown> | undefined) ?? {};
    const kind = text(v.kind)?.toUpperCase() ?? 'REGISTERED_ASSOCIATION';
    if (!KINDS.includes(kind)) problems.push(`kind: must be one of ${KINDS.join(', ')}`);
    const status = text(v.status)?.toUpperCase();
    if (status && !STATUSES.includes(status)) {
      problems.push(`status: must be one of ${STATUSES.join(', ')}`);
    }
    const slugs = list(v.categories) ?? [];
    const unknown = slugs.filter((s) => !categoryIds.has(s));
    if (unknown.length)
      problems.push(`categories: no category ${unknown.map((s) => `"${s}"`).join(', ')}`);
    const address = (v.address as Record<string, unknown> | undefined) ?? {};
    const street = text(v.street ?? address.street);
    const postalCode = text(v.postal_code ?? address.postalCode);
    const city = text(v.city ?? address.city);
    const descriptionFi = text(
      v.description_fi ?? (v.description as { fi?: unknown } | undefined)?.fi,
    );
    return {
      name: {
        fi: text(v.name_fi ?? name.fi) ?? '',
        sv: text(v.name_sv ?? name.sv) ?? null,
        en: text(v.name_en ?? name.en) ?? null,
      },
      kind: kind as CreateAssociationInput['kind'],
      status: status as CreateAssociationInput['status'],
      municipalityCode: text(v.municipality_code ?? v.municipalityCode) ?? '',
      businessId: text(v.business_id ?? v.businessId),
      registerNumber: text(v.register_number ?? v.registerNumber),
      foundedYear: integer(v.founded_year ?? v.foundedYear, 'founded_year', problems),
      memberCount: integer(v.member_count ?? v.memberCount, 'member_count', problems),
      languages: list(v.languages),
      categoryIds: slugs.length ? slugs.map((s) => categoryIds.get(s) ?? s) : undefined,
      website: text(v.website),
      email: text(v.email),
      phone: text(v.phone),
      address: street || postalCode || city ? { street, postalCode, city } : undefined,
      description: descriptionFi ? { fi: descriptionFi } : undefined,
    } as CreateAssociationInput;
  }
}

class RowRejected extends Error {
  constructor(readonly reasons: string[]) {
    super(reasons.join('; '));
  }
}
